import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUrl, Matches } from 'class-validator';

const URL_RULES = { protocols: ['http', 'https'], require_protocol: true, require_tld: false };

export class CreateCheckoutSessionDto {
  @ApiProperty({ example: 'starter', description: 'The key of a configured plan (GET /v1/billing lists them)' })
  @IsString() @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, { message: 'plan must be a plan key such as starter' })
  plan: string;

  @ApiPropertyOptional({ example: 'https://app.example.com/billing?checkout=done', description: 'Where Stripe sends the customer once subscribed. Default: <API_PUBLIC_URL>/app/' })
  @IsOptional() @IsUrl(URL_RULES, { message: 'successUrl must be an http(s) URL' })
  successUrl?: string;

  @ApiPropertyOptional({ example: 'https://app.example.com/billing', description: 'Where Stripe sends the customer who turns back. Default: <API_PUBLIC_URL>/app/' })
  @IsOptional() @IsUrl(URL_RULES, { message: 'cancelUrl must be an http(s) URL' })
  cancelUrl?: string;
}

export class CreatePortalSessionDto {
  @ApiPropertyOptional({ example: 'https://app.example.com/billing', description: 'Where the portal\'s "return" link leads. Default: <API_PUBLIC_URL>/app/' })
  @IsOptional() @IsUrl(URL_RULES, { message: 'returnUrl must be an http(s) URL' })
  returnUrl?: string;
}
