// Orval input transformer. The API's response records (…Dto, …Response) always serialize every
// property (Jackson writes nulls too), but springdoc marks none of them required, which would make
// every generated field optional. Marking them required gives usable types; values documented as
// "null when …" can still be null at runtime, so the UI checks those (e.g. assigneeName ?? …).
module.exports = (spec) => {
  for (const [name, schema] of Object.entries(spec.components?.schemas ?? {})) {
    if (/(Dto|Response)$/.test(name) && schema.properties) {
      schema.required = Object.keys(schema.properties);
    }
  }
  return spec;
};
