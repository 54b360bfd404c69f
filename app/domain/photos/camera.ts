/** How a camera is named on screen, from the EXIF make and model kept in the database. */

/** "Canon EOS 80D" (the model already names the make), "NIKON CORPORATION D750", or null. */
export function cameraLabel(make: string | null, model: string | null): string | null {
  if (!make) return model || null;
  if (!model) return make;
  return model.toLowerCase().startsWith(make.toLowerCase().split(/\s+/)[0] ?? "") ? model : `${make} ${model}`;
}
