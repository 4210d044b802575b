export { decrypt, encrypt } from './aes-gcm';
export { ENCRYPTED_ENCODING, EncryptionCodec } from './payload-codec';
export { SealedSecret, Vault } from './vault';
export { CryptoModule } from './crypto.module';
