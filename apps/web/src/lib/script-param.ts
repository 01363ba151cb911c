/** The `?script=` parameter: `hant` asks for Traditional characters; anything else is Simplified. */
export function scriptParam(value: string | string[] | undefined): "hans" | "hant" {
  return (Array.isArray(value) ? value[0] : value) === "hant" ? "hant" : "hans";
}
