/** The chaos driver, for the CI suite here and for bench/ (bigger N, same guarantees). */
export { ChaosCampaign, runChaosCampaign, type ChaosCampaignOptions, type ChaosCampaignResult } from './chaos-campaign';
export { deliveryViolations, describeRun } from './delivery-verdict';
export {
  killWorker, randomProgressPoints, refuseTransiently, restartTemporal, terminateDatabaseConnections,
  type ChaosContext, type Disruption, type SmtpAnswer, type SmtpAttempt,
} from './disruptions';
export { seededRandom, type SeededRandom } from './seeded-random';
