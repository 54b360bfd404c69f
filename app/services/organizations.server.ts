import type { Db } from "#db/client.server";
import { recordAudit } from "~/models/audit.server";
import {
  findExistingOrganizationIds,
  insertOrganization,
  organizationNameTaken,
  type Organization,
} from "~/models/organizations.server";
import { fieldErrors } from "~/domain/events/event.schema";
import { organizationSchema } from "~/domain/organizations/organization.schema";
import { isServiceError, ServiceError } from "./errors";

export interface OrganizationInput {
  nameVi: string;
  nameEn: string | null;
  shortName: string | null;
  parentId: string | null;
}

export async function createOrganization(
  db: Db,
  actor: { id: string; name: string } | null,
  input: OrganizationInput,
): Promise<Organization> {
  if (await organizationNameTaken(db, input.nameVi))
    throw new ServiceError("conflict", "errors.duplicateOrganization", { nameVi: "errors.duplicateOrganization" });
  if (input.parentId && !(await findExistingOrganizationIds(db, [input.parentId])).has(input.parentId))
    throw new ServiceError("invalid", "form.fixErrors", { parentId: "errors.unknownOrganization" });
  try {
    const org = await insertOrganization(db, input);
    await recordAudit(db, {
      actor,
      action: "organization.create",
      entityType: "organization",
      entityId: org.id,
      details: { nameVi: org.nameVi },
    });
    return org;
  } catch (error) {
    // Two people adding the same name at once: the unique index decides, the loser gets the same message.
    if (isUniqueViolation(error))
      throw new ServiceError("conflict", "errors.duplicateOrganization", { nameVi: "errors.duplicateOrganization" });
    throw error;
  }
}

/**
 * "+ Add an organization" inside the event form: only the Vietnamese name, typed in the form's
 * `newOrganizationName` field. Answers what the form shows next to it (the new organization, or why not).
 */
export async function quickAddOrganization(
  db: Db,
  actor: { id: string; name: string },
  name: unknown,
): Promise<{ organization: Organization; error: null } | { organization: null; error: string }> {
  const parsed = organizationSchema.safeParse({ nameVi: name });
  if (!parsed.success) return { organization: null, error: fieldErrors(parsed.error).nameVi ?? "errors.invalid" };
  try {
    return { organization: await createOrganization(db, actor, parsed.data), error: null };
  } catch (error) {
    if (!isServiceError(error)) throw error;
    return { organization: null, error: error.fields.nameVi ?? error.message };
  }
}

export function isUniqueViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current === "object" && "code" in current && (current as { code: unknown }).code === "23505") return true;
    current = typeof current === "object" && "cause" in current ? (current as { cause: unknown }).cause : undefined;
  }
  return false;
}
