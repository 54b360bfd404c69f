import { agendaItems, apiTokens, attendanceLines, auditLog, calendarFeeds, ceremonyRoles, checkIns, deputyProposals, dignitaries, documentParties, doorScans, eventDocuments, eventMembers, eventSides, events, glossaryEntries, inboundMessages, invitationReplies, invitations, letterSettings, mailMessages, mcScripts, organizations, people, photoTags, photos, pressComments, pressEventSettings, pressSummaries, pressSummaryVersions, scheduledReminders, seatingTables, seats, sessions, settings, users, webhookAttempts, webhookDeliveries, webhookEndpoints, webhookMessages } from "#db/schema/index";

/**
 * The one column projection of each table the models read (`<row>Columns`), defined once: every select that lists
 * a table's columns builds from it, whole or narrowed by name with `pickColumns` (so a renamed column is renamed
 * once). A select may rename a key (`eventTitle: eventColumns.title`) or add computed fields beside them. The
 * projections sit here, beside the schema and apart from the models, so that a model reading another model's
 * table imports no other model (the models import each other, and a projection read while a cycle of imports is
 * still loading would be undefined).
 *
 * Left out on purpose and read by name where needed: secrets (a session's id hash, a token's hash,
 * an invitation token's hash, `invitations.replyToken`, the webhook secrets, `users.passwordHash`) and search keys (`people.nameSearch`).
 */
export function pickColumns<T extends object, const K extends keyof T>(columns: T, keys: readonly K[]): Pick<T, K> {
  const picked = {} as Pick<T, K>;
  for (const key of keys) picked[key] = columns[key];
  return picked;
}

export const eventColumns = {
  id: events.id,
  title: events.title,
  titleEn: events.titleEn,
  kind: events.kind,
  status: events.status,
  startsAt: events.startsAt,
  endsAt: events.endsAt,
  timeZone: events.timeZone,
  venueName: events.venueName,
  venueNameEn: events.venueNameEn,
  venueAddress: events.venueAddress,
  venueRoom: events.venueRoom,
  description: events.description,
  startPrecision: events.startPrecision,
  occasion: events.occasion,
  occasionEn: events.occasionEn,
  context: events.context,
  contextEn: events.contextEn,
  hostOrganizationId: events.hostOrganizationId,
  capacity: events.capacity,
  calendarUid: events.calendarUid,
  calendarSequence: events.calendarSequence,
  version: events.version,
  createdBy: events.createdBy,
  createdAt: events.createdAt,
  updatedAt: events.updatedAt,
  cancelledAt: events.cancelledAt,
};

export const eventMemberColumns = {
  eventId: eventMembers.eventId,
  userId: eventMembers.userId,
  role: eventMembers.role,
};

export const calendarFeedColumns = {
  id: calendarFeeds.id,
  createdAt: calendarFeeds.createdAt,
};

export const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  locale: users.locale,
  active: users.active,
  createdAt: users.createdAt,
};

/** Sessions: never the secret id hash. */
export const sessionColumns = {
  userId: sessions.userId,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
  expiresAt: sessions.expiresAt,
  ip: sessions.ip,
  userAgent: sessions.userAgent,
};

/** API tokens: never the token hash. */
export const apiTokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scopes: apiTokens.scopes,
  eventId: apiTokens.eventId,
  expiresAt: apiTokens.expiresAt,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export const invitationColumns = {
  id: invitations.id,
  eventId: invitations.eventId,
  personId: invitations.personId,
  role: invitations.role,
  groupLabel: invitations.groupLabel,
  plusOnes: invitations.plusOnes,
  companionNames: invitations.companionNames,
  deputyForInvitationId: invitations.deputyForInvitationId,
  status: invitations.status,
  respondedAt: invitations.respondedAt,
  comment: invitations.comment,
  dietaryNeeds: invitations.dietaryNeeds,
  accessNeeds: invitations.accessNeeds,
  withdrawnAt: invitations.withdrawnAt,
  bouncedAt: invitations.bouncedAt,
  bounceReason: invitations.bounceReason,
  bouncedEmail: invitations.bouncedEmail,
  createdAt: invitations.createdAt,
  updatedAt: invitations.updatedAt,
};

export const personColumns = {
  id: people.id,
  honorific: people.honorific,
  fullName: people.fullName,
  positions: people.positions,
  organization: people.organization,
  email: people.email,
  phone: people.phone,
  language: people.language,
  notes: people.notes,
};

export const organizationColumns = {
  id: organizations.id,
  nameVi: organizations.nameVi,
  nameEn: organizations.nameEn,
  shortName: organizations.shortName,
  parentId: organizations.parentId,
};

export const photoColumns = {
  id: photos.id,
  eventId: photos.eventId,
  storageKey: photos.storageKey,
  revision: photos.revision,
  originalFilename: photos.originalFilename,
  originalType: photos.originalType,
  originalBytes: photos.originalBytes,
  sha256: photos.sha256,
  width: photos.width,
  height: photos.height,
  captionVi: photos.captionVi,
  captionEn: photos.captionEn,
  credit: photos.credit,
  takenAt: photos.takenAt,
  cameraMake: photos.cameraMake,
  cameraModel: photos.cameraModel,
  position: photos.position,
  isCover: photos.isCover,
  includeInPress: photos.includeInPress,
  uploadedBy: photos.uploadedBy,
  version: photos.version,
  createdAt: photos.createdAt,
  updatedAt: photos.updatedAt,
};

export const photoTagColumns = {
  photoId: photoTags.photoId,
  invitationId: photoTags.invitationId,
};

export const agendaItemColumns = {
  id: agendaItems.id,
  eventId: agendaItems.eventId,
  position: agendaItems.position,
  startsAt: agendaItems.startsAt,
  durationMinutes: agendaItems.durationMinutes,
  title: agendaItems.title,
  titleEn: agendaItems.titleEn,
  kind: agendaItems.kind,
  responsibleUserId: agendaItems.responsibleUserId,
  speakerInvitationId: agendaItems.speakerInvitationId,
  place: agendaItems.place,
  notes: agendaItems.notes,
  keyPoints: agendaItems.keyPoints,
  subject: agendaItems.subject,
  subjectEn: agendaItems.subjectEn,
  documentId: agendaItems.documentId,
  updatedAt: agendaItems.updatedAt,
};

export const mcScriptColumns = {
  body: mcScripts.body,
  updatedBy: mcScripts.updatedBy,
  updatedAt: mcScripts.updatedAt,
};

export const checkInColumns = {
  invitationId: checkIns.invitationId,
  at: checkIns.at,
  byUserId: checkIns.byUserId,
  byName: checkIns.byName,
};

export const deputyProposalColumns = {
  id: deputyProposals.id,
  eventId: deputyProposals.eventId,
  invitationId: deputyProposals.invitationId,
  honorific: deputyProposals.honorific,
  fullName: deputyProposals.fullName,
  positions: deputyProposals.positions,
  organization: deputyProposals.organization,
  email: deputyProposals.email,
  note: deputyProposals.note,
  source: deputyProposals.source,
  status: deputyProposals.status,
  decidedAt: deputyProposals.decidedAt,
  refusalReason: deputyProposals.refusalReason,
  deputyInvitationId: deputyProposals.deputyInvitationId,
  createdAt: deputyProposals.createdAt,
};

export const doorScanColumns = {
  nonce: doorScans.nonce,
  eventId: doorScans.eventId,
  invitationId: doorScans.invitationId,
  deviceId: doorScans.deviceId,
  scannedAt: doorScans.scannedAt,
  receivedAt: doorScans.receivedAt,
  byName: doorScans.byName,
  outcome: doorScans.outcome,
  reason: doorScans.reason,
  firstAt: doorScans.firstAt,
  firstByName: doorScans.firstByName,
};

export const invitationReplyColumns = {
  id: invitationReplies.id,
  invitationId: invitationReplies.invitationId,
  source: invitationReplies.source,
  channel: invitationReplies.channel,
  partstat: invitationReplies.partstat,
  sequence: invitationReplies.sequence,
  answeredAt: invitationReplies.answeredAt,
  receivedAt: invitationReplies.receivedAt,
  comment: invitationReplies.comment,
  guests: invitationReplies.guests,
  delegatedTo: invitationReplies.delegatedTo,
  client: invitationReplies.client,
  messageId: invitationReplies.messageId,
  outcome: invitationReplies.outcome,
  applied: invitationReplies.applied,
};

export const inboundMessageColumns = {
  id: inboundMessages.id,
  messageId: inboundMessages.messageId,
};

export const pressSummaryColumns = {
  id: pressSummaries.id,
  eventId: pressSummaries.eventId,
  language: pressSummaries.language,
  slug: pressSummaries.slug,
  title: pressSummaries.title,
  body: pressSummaries.body,
  byline: pressSummaries.byline,
  status: pressSummaries.status,
  version: pressSummaries.version,
  generatedTitle: pressSummaries.generatedTitle,
  generatedBody: pressSummaries.generatedBody,
  sources: pressSummaries.sources,
  createdBy: pressSummaries.createdBy,
  submittedBy: pressSummaries.submittedBy,
  submittedAt: pressSummaries.submittedAt,
  approvedBy: pressSummaries.approvedBy,
  approvedAt: pressSummaries.approvedAt,
  publishedBy: pressSummaries.publishedBy,
  publishedAt: pressSummaries.publishedAt,
  viewCount: pressSummaries.viewCount,
  createdAt: pressSummaries.createdAt,
  updatedAt: pressSummaries.updatedAt,
};

export const pressCommentColumns = {
  id: pressComments.id,
  authorId: pressComments.authorId,
  body: pressComments.body,
  version: pressComments.version,
  createdAt: pressComments.createdAt,
};

export const pressEventSettingColumns = {
  requireSecondApprover: pressEventSettings.requireSecondApprover,
  updatedBy: pressEventSettings.updatedBy,
  updatedAt: pressEventSettings.updatedAt,
};

export const pressSummaryVersionColumns = {
  id: pressSummaryVersions.id,
  version: pressSummaryVersions.version,
  kind: pressSummaryVersions.kind,
  title: pressSummaryVersions.title,
  body: pressSummaryVersions.body,
  byline: pressSummaryVersions.byline,
  status: pressSummaryVersions.status,
  authorId: pressSummaryVersions.authorId,
  note: pressSummaryVersions.note,
  createdAt: pressSummaryVersions.createdAt,
};

export const seatingTableColumns = {
  id: seatingTables.id,
  eventId: seatingTables.eventId,
  name: seatingTables.name,
  kind: seatingTables.kind,
  seatCount: seatingTables.seatCount,
  mode: seatingTables.mode,
  secondTo: seatingTables.secondTo,
  position: seatingTables.position,
};

export const seatColumns = {
  tableId: seats.tableId,
  seatIndex: seats.seatIndex,
  invitationId: seats.invitationId,
  companionIndex: seats.companionIndex,
  reserved: seats.reserved,
};

export const webhookEndpointColumns = {
  id: webhookEndpoints.id,
  url: webhookEndpoints.url,
  description: webhookEndpoints.description,
  eventTypes: webhookEndpoints.eventTypes,
  eventId: webhookEndpoints.eventId,
  ownerId: webhookEndpoints.ownerId,
  includePersonalData: webhookEndpoints.includePersonalData,
  enabled: webhookEndpoints.enabled,
  disabledAt: webhookEndpoints.disabledAt,
  disabledReason: webhookEndpoints.disabledReason,
  failingSince: webhookEndpoints.failingSince,
  previousSecretExpiresAt: webhookEndpoints.previousSecretExpiresAt,
  createdAt: webhookEndpoints.createdAt,
};

export const webhookAttemptColumns = {
  deliveryId: webhookAttempts.deliveryId,
  at: webhookAttempts.at,
  statusCode: webhookAttempts.statusCode,
  error: webhookAttempts.error,
  attempt: webhookAttempts.attempt,
};

export const webhookDeliveryColumns = {
  id: webhookDeliveries.id,
  endpointId: webhookDeliveries.endpointId,
  messageId: webhookDeliveries.messageId,
  status: webhookDeliveries.status,
  attempts: webhookDeliveries.attempts,
  nextAttemptAt: webhookDeliveries.nextAttemptAt,
  lastStatusCode: webhookDeliveries.lastStatusCode,
  lastError: webhookDeliveries.lastError,
  deliveredAt: webhookDeliveries.deliveredAt,
  createdAt: webhookDeliveries.createdAt,
};

export const webhookMessageColumns = {
  id: webhookMessages.id,
  type: webhookMessages.type,
  eventId: webhookMessages.eventId,
  data: webhookMessages.data,
  personalData: webhookMessages.personalData,
  occurredAt: webhookMessages.occurredAt,
};

export const glossaryEntryColumns = { id: glossaryEntries.id, kind: glossaryEntries.kind, vi: glossaryEntries.vi, en: glossaryEntries.en, updatedAt: glossaryEntries.updatedAt };

export const attendanceLineColumns = {
  id: attendanceLines.id,
  eventId: attendanceLines.eventId,
  textVi: attendanceLines.textVi,
  textEn: attendanceLines.textEn,
  sideId: attendanceLines.sideId,
  place: attendanceLines.place,
  position: attendanceLines.position,
};

export const ceremonyRoleColumns = {
  dignitaryId: ceremonyRoles.dignitaryId,
  role: ceremonyRoles.role,
  position: ceremonyRoles.position,
};

export const documentPartyColumns = {
  id: documentParties.id,
  documentId: documentParties.documentId,
  sideId: documentParties.sideId,
};

export const eventDocumentColumns = {
  id: eventDocuments.id,
};

export const eventSideColumns = {
  id: eventSides.id,
  eventId: eventSides.eventId,
  kind: eventSides.kind,
  label: eventSides.label,
  labelEn: eventSides.labelEn,
  headDignitaryId: eventSides.headDignitaryId,
  language: eventSides.language,
  position: eventSides.position,
};

export const auditLogColumns = {
  id: auditLog.id,
  at: auditLog.at,
  actorName: auditLog.actorName,
  action: auditLog.action,
  entityType: auditLog.entityType,
  entityId: auditLog.entityId,
  eventId: auditLog.eventId,
  details: auditLog.details,
};

export const dignitaryColumns = {
  id: dignitaries.id,
  eventId: dignitaries.eventId,
  invitationId: dignitaries.invitationId,
  honorific: dignitaries.honorific,
  name: dignitaries.name,
  positions: dignitaries.positions,
  organization: dignitaries.organization,
  delegation: dignitaries.delegation,
  sideId: dignitaries.sideId,
  arrivalAt: dignitaries.arrivalAt,
  escortUserId: dignitaries.escortUserId,
  notes: dignitaries.notes,
  manualPlace: dignitaries.manualPlace,
  fullAddressOverride: dignitaries.fullAddressOverride,
  shortAddressOverride: dignitaries.shortAddressOverride,
  englishAddressOverride: dignitaries.englishAddressOverride,
  entryOrder: dignitaries.entryOrder,
  createdAt: dignitaries.createdAt,
  updatedAt: dignitaries.updatedAt,
};

export const letterSettingColumns = {
  authority: letterSettings.authority,
  onBehalfOf: letterSettings.onBehalfOf,
  position: letterSettings.position,
  signerName: letterSettings.signerName,
  symbol: letterSettings.symbol,
  place: letterSettings.place,
  issuedOn: letterSettings.issuedOn,
};

export const mailMessageColumns = {
  id: mailMessages.id,
  idempotencyKey: mailMessages.idempotencyKey,
  kind: mailMessages.kind,
  eventId: mailMessages.eventId,
  invitationId: mailMessages.invitationId,
  to: mailMessages.to,
  subject: mailMessages.subject,
  text: mailMessages.text,
  html: mailMessages.html,
  icsMethod: mailMessages.icsMethod,
  icsContent: mailMessages.icsContent,
  status: mailMessages.status,
  attempts: mailMessages.attempts,
  nextAttemptAt: mailMessages.nextAttemptAt,
  lockedUntil: mailMessages.lockedUntil,
  lastError: mailMessages.lastError,
  deliveredVia: mailMessages.deliveredVia,
  messageId: mailMessages.messageId,
  sentAt: mailMessages.sentAt,
  createdAt: mailMessages.createdAt,
  meta: mailMessages.meta,
};

export const scheduledReminderColumns = {
  id: scheduledReminders.id,
  eventId: scheduledReminders.eventId,
  sendAt: scheduledReminders.sendAt,
  status: scheduledReminders.status,
  createdAt: scheduledReminders.createdAt,
  doneAt: scheduledReminders.doneAt,
};

export const settingColumns = {
  value: settings.value,
};
