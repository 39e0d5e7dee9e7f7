// Orval input transformer. The API's response records always serialize every property (Jackson
// writes nulls too), but springdoc marks none of them required, which would make every generated
// field optional. Every schema reachable only from responses (never from a request body) gets all
// its properties marked required, which gives usable types; values documented as "null when …"
// can still be null at runtime, so the UI checks those (e.g. assigneeName ?? …).
const refsOf = (node, found = new Set()) => {
  if (Array.isArray(node)) node.forEach((item) => refsOf(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') found.add(value.split('/').pop());
      else refsOf(value, found);
    }
  }
  return found;
};

/** The schemas named in `roots` and every schema they refer to, transitively. */
const closure = (schemas, roots) => {
  const seen = new Set();
  const pending = [...roots];
  while (pending.length) {
    const name = pending.pop();
    if (seen.has(name) || !schemas[name]) continue;
    seen.add(name);
    pending.push(...refsOf(schemas[name]));
  }
  return seen;
};

module.exports = (spec) => {
  const schemas = spec.components?.schemas ?? {};
  const operations = Object.values(spec.paths ?? {}).flatMap((item) => Object.values(item));
  const inResponses = closure(
    schemas,
    operations.flatMap((op) => [...refsOf(op.responses ?? {})]),
  );
  const inRequests = closure(
    schemas,
    operations.flatMap((op) => [...refsOf(op.requestBody ?? {})]),
  );
  for (const name of inResponses) {
    const schema = schemas[name];
    if (!inRequests.has(name) && schema.properties) schema.required = Object.keys(schema.properties);
  }
  return spec;
};
