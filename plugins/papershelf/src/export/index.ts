// The archive as data: paper records and the JSON Schema of /papers.json.
export { paperRecord, type PaperRecord } from './paper-record.ts';
export { papersJsonSchema } from './papers-schema.ts';
