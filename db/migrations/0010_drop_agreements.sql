DROP TABLE "agreement_parties" CASCADE;--> statement-breakpoint
DROP TABLE "agreements" CASCADE;--> statement-breakpoint
DROP TABLE "event_partners" CASCADE;--> statement-breakpoint
DROP TABLE "agreement_signatories" CASCADE;--> statement-breakpoint
ALTER TABLE "dignitaries" DROP COLUMN "side";--> statement-breakpoint
DROP TYPE "public"."ceremony_side";