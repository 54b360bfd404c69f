// SIGNET_BUILD_DIR (a path relative to the project) lets several test runs in one checkout build side by side
// without replacing each other's bundles; unset, the build goes to build/ and public/build as usual.
const out = process.env.SIGNET_BUILD_DIR;

/** @type {import('@remix-run/dev').AppConfig} */
export default {
  serverBuildPath: out ? `${out}/index.js` : "build/index.js",
  assetsBuildDirectory: out ? `${out}/assets` : "public/build",
  ignoredRouteFiles: ["**/.*", "**/*.test.{ts,tsx}", "**/*.schema.ts"],
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
    v3_lazyRouteDiscovery: true,
    v3_singleFetch: true,
  },
};
