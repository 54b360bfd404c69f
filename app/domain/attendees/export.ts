import { asciiWords } from "../text/ascii-words";
import type { AttendeeLanguage, ImportField, InvitationRole, InvitationStatus } from "./attendee.schema";

/**
 * The columns of the attendee export, in order. The first ones carry the import's field names, so a file
 * exported in either language imports again unchanged; the answer columns are for reading only.
 */
export const exportColumns = [
  "honorific",
  "fullName",
  "positions",
  "organization",
  "email",
  "phone",
  "language",
  "role",
  "groupLabel",
  "plusOnes",
  "dietaryNeeds",
  "accessNeeds",
  "notes",
  "status",
  "respondedAt",
  "comment",
  "withdrawnAt",
] as const;
export type ExportColumn = (typeof exportColumns)[number];
export const importableExportColumns = exportColumns.filter(
  (c): c is ExportColumn & ImportField => c !== "status" && c !== "respondedAt" && c !== "comment" && c !== "withdrawnAt",
);

export interface ExportableInvitation {
  honorific: string | null;
  fullName: string;
  positions: string[];
  organization: string | null;
  email: string | null;
  phone: string | null;
  language: AttendeeLanguage;
  role: InvitationRole;
  groupLabel: string | null;
  plusOnes: number;
  dietaryNeeds: string | null;
  accessNeeds: string | null;
  notes: string | null;
  status: InvitationStatus;
  respondedAt: Date | null;
  comment: string | null;
  withdrawnAt: Date | null;
}

export interface ExportLabels {
  role: (role: InvitationRole) => string;
  status: (status: InvitationStatus) => string;
  language: (language: AttendeeLanguage) => string;
  instant: (at: Date) => string;
}

/** One CSV record (plain text; formula escaping happens when the CSV is written). */
export function exportRow(inv: ExportableInvitation, labels: ExportLabels): string[] {
  const values: Record<ExportColumn, string> = {
    honorific: inv.honorific ?? "",
    fullName: inv.fullName,
    positions: inv.positions.join("\n"),
    organization: inv.organization ?? "",
    email: inv.email ?? "",
    phone: inv.phone ?? "",
    language: labels.language(inv.language),
    role: labels.role(inv.role),
    groupLabel: inv.groupLabel ?? "",
    plusOnes: String(inv.plusOnes),
    dietaryNeeds: inv.dietaryNeeds ?? "",
    accessNeeds: inv.accessNeeds ?? "",
    notes: inv.notes ?? "",
    status: labels.status(inv.status),
    respondedAt: inv.respondedAt ? labels.instant(inv.respondedAt) : "",
    comment: inv.comment ?? "",
    withdrawnAt: inv.withdrawnAt ? labels.instant(inv.withdrawnAt) : "",
  };
  return exportColumns.map((c) => values[c]);
}

/** The export's file name before ".csv": ASCII (the same in every browser), from the folded event title. */
export function exportFileStem(eventTitle: string, today: string): string {
  return `khach-moi-${asciiWords(eventTitle, 60) || "su-kien"}-${today}`;
}
