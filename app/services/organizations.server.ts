import type { Db } from "#db/client.server";
import { recordAudit } from "~/models/audit.server";
import {
  deleteOrganizationRow,
  findExistingOrganizationIds,
  findOrganizationUsage,
  getOrganization,
  insertOrganization,
  listOrganizationAncestorIds,
  organizationInUse,
  organizationNameTaken,
  organizationNameTakenByOther,
  updateOrganizationRow,
  type Organization,
  type OrganizationUsage,
} from "~/models/organizations.server";
import { fieldErrors } from "~/domain/forms/fields";
import { organizationSchema } from "~/domain/organizations/organization.schema";
import { isServiceError, ServiceError } from "~/utils/errors";

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

const notFound = () => new ServiceError("not_found", "orgs.errors.notFound");
const duplicate = () => new ServiceError("conflict", "errors.duplicateOrganization", { nameVi: "errors.duplicateOrganization" });

/**
 * Saves an organization's names and parent (every field: the form and the API's merged PATCH send them all).
 * Events, agreements and reports refer to it by id, so they show the corrected name at once. Refused: a name
 * another organization has (conflict), an unknown parent, itself or one of its own descendants as parent.
 */
export async function updateOrganization(
  db: Db,
  actor: { id: string; name: string } | null,
  id: string,
  input: OrganizationInput,
): Promise<Organization> {
  try {
    return await db.transaction(async (tx) => {
      const current = await getOrganization(tx, id);
      if (!current) throw notFound();
      if (await organizationNameTakenByOther(tx, input.nameVi, id)) throw duplicate();
      if (input.parentId) {
        if (input.parentId === id) throw new ServiceError("invalid", "form.fixErrors", { parentId: "orgs.errors.parentSelf" });
        if (!(await findExistingOrganizationIds(tx, [input.parentId])).has(input.parentId))
          throw new ServiceError("invalid", "form.fixErrors", { parentId: "errors.unknownOrganization" });
        if ((await listOrganizationAncestorIds(tx, input.parentId)).includes(id))
          throw new ServiceError("invalid", "form.fixErrors", { parentId: "orgs.errors.parentCycle" });
      }
      const saved = await updateOrganizationRow(tx, id, input);
      if (!saved) throw notFound();
      const changed = (Object.keys(input) as (keyof OrganizationInput)[]).filter((k) => current[k] !== saved[k]);
      if (changed.length > 0)
        await recordAudit(tx, {
          actor,
          action: "organization.update",
          entityType: "organization",
          entityId: id,
          details: { nameVi: saved.nameVi, previousNameVi: current.nameVi, changed },
        });
      return saved;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

/** Deleting an organization that is still referred to: `usage` says where (the message lists it). */
export class OrganizationInUseError extends ServiceError {
  constructor(
    readonly organization: Organization,
    readonly usage: OrganizationUsage,
  ) {
    super("conflict", "orgs.errors.inUse");
    this.name = "OrganizationInUseError";
  }
}

/**
 * Deletes an organization that nothing uses. Used — host, partner or signing party of an event, parent of
 * another organization, or written as the organization of people or dignitaries — it is an
 * OrganizationInUseError naming those places, and nothing is deleted.
 */
export async function deleteOrganization(db: Db, actor: { id: string; name: string } | null, id: string): Promise<Organization> {
  try {
    return await db.transaction(async (tx) => {
      const current = await getOrganization(tx, id);
      if (!current) throw notFound();
      const usage = await findOrganizationUsage(tx, current);
      if (organizationInUse(usage)) throw new OrganizationInUseError(current, usage);
      if (!(await deleteOrganizationRow(tx, id))) throw notFound();
      await recordAudit(tx, {
        actor,
        action: "organization.delete",
        entityType: "organization",
        entityId: id,
        details: { nameVi: current.nameVi, nameEn: current.nameEn, shortName: current.shortName },
      });
      return current;
    });
  } catch (error) {
    // An event took it as host or partner between our check and the delete: the foreign key refuses.
    if (isForeignKeyViolation(error)) {
      const current = await getOrganization(db, id);
      if (current) throw new OrganizationInUseError(current, await findOrganizationUsage(db, current));
    }
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    if (typeof current === "object" && "code" in current && (current as { code: unknown }).code === "23503") return true;
    current = typeof current === "object" && "cause" in current ? (current as { cause: unknown }).cause : undefined;
  }
  return false;
}
