/** GET /readyz — readiness for a proxy or an orchestrator: see app/routes/healthz/route.ts. */
export { loader } from "../healthz/route";
