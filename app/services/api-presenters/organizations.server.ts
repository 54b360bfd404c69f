/** Organizations and glossary entries as the API answers them (the schemas: app/domain/api/responses.ts, resources.ts). */
import type { z } from "zod";
import type { GlossaryEntryJson } from "~/domain/api/resources";
import type { organizationJsonSchema } from "~/domain/api/responses";
import type { GlossaryEntryRow } from "~/models/glossary.server";
import type { Organization } from "~/models/organizations.server";

export function organizationToJson(o: Organization): z.infer<typeof organizationJsonSchema> {
  return { id: o.id, nameVi: o.nameVi, nameEn: o.nameEn, shortName: o.shortName, parentId: o.parentId };
}

export function glossaryEntryToJson(r: GlossaryEntryRow): GlossaryEntryJson {
  return { id: r.id, kind: r.kind, vi: r.vi, en: r.en, updatedAt: r.updatedAt.toISOString() };
}
