import { z } from 'zod';
import { method } from './define';
import { procedureCodeSchema, procedureDefinitionSchema } from './procedure';

export const procedureSummarySchema = z.object({
  code: procedureCodeSchema,
  name: z.string(),
  sector: z.string(),
  level: z.enum(['toan_trinh', 'mot_phan']),
  agencyName: z.string(),
});
export type ProcedureSummary = z.infer<typeof procedureSummarySchema>;

export const searchResultSchema = z.object({ code: procedureCodeSchema, name: z.string(), sector: z.string(), score: z.number() });
export type SearchResult = z.infer<typeof searchResultSchema>;

export const unitSchema = z.object({ code: z.string(), name: z.string(), fullName: z.string() });

export const catalogueContract = {
  list: method({ summary: 'Every procedure in the catalogue', input: z.object({}).strict(), output: z.object({ procedures: z.array(procedureSummarySchema) }) }),
  search: method({
    summary: "Ranked search in residents' words, diacritics optional, one typo per word tolerated",
    input: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.object({ results: z.array(searchResultSchema) }),
  }),
  get: method({ summary: 'One procedure definition', input: z.object({ code: procedureCodeSchema }).strict(), output: procedureDefinitionSchema }),
  provinces: method({ summary: 'The 34 provinces (2025 units)', input: z.object({}).strict(), output: z.object({ units: z.array(unitSchema) }) }),
  communes: method({
    summary: 'Communes and wards of a province (2025 units)',
    input: z.object({ provinceCode: z.string().regex(/^\d{2}$/) }).strict(),
    output: z.object({ units: z.array(unitSchema) }),
  }),
};
