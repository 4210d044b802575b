export { decrypt, encrypt } from './aes-gcm';
export { ENCRYPTED_ENCODING, EncryptionCodec } from './payload-codec';
export { SealedSecret, Vault } from './vault';
export { TokenError, TokenErrorCode, TokenPurpose, TokenSigner, VerifiedToken } from './signed-token';
export { CryptoModule } from './crypto.module';
