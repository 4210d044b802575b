export { CustomerSupportService, type SupportCustomer } from './customer-support.service';
export { SupportDeskService, type StaffOpening, type StaffReply } from './support-desk.service';
export { SupportConversationRepository, type ConversationSummary, type ConversationFilter } from './support-conversation.repository';
export * from './support-views';
export { SupportModule } from './support.module';
