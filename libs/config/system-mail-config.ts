import { z } from 'zod';
import { ConfigError } from './config';

export interface SystemMailConfig {
  readonly smtpUrl: string | null;
  readonly from: string;
}

const systemMailSchema = z.object({
  SYSTEM_MAIL_SMTP_URL: z.string().refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://').optional()
    .or(z.literal('').transform(() => undefined)),
  SYSTEM_MAIL_FROM: z.string().email({ message: 'must be an email address' }).default('privacy@relance.invalid'),
});

/**
 * Relance's own mailbox, for apps that do not load the whole AppConfig (the console, whose
 * support replies are mailed through it); the same variables and rules as AppConfig.systemMail.
 */
export function loadSystemMailConfig(env: NodeJS.ProcessEnv = process.env): SystemMailConfig {
  const parsed = systemMailSchema.safeParse(env);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`));
  return Object.freeze({ smtpUrl: parsed.data.SYSTEM_MAIL_SMTP_URL ?? null, from: parsed.data.SYSTEM_MAIL_FROM });
}
