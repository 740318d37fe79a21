import { z } from 'zod';
import { CRS_NAMES } from './gcj02';

/** A decimal number in a query string, within [min, max]. Empty strings are not 0. */
const decimal = (min: number, max: number, what: string) =>
  z
    .string()
    .regex(/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/, 'must be a decimal number')
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `${what} must be between ${min} and ${max}`)
        .max(max, `${what} must be between ${min} and ${max}`),
    );

const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

export const locateQuery = z.strictObject({
  lng: decimal(-180, 180, 'longitude'),
  lat: decimal(-90, 90, 'latitude'),
  crs: z.enum(CRS_NAMES).default('wgs84'),
});

const page = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
};

const id = z.string().min(1).max(64);

export const REGION_LEVEL_NAMES = ['city', 'district', 'street', 'community'] as const;

export const listRegionsQuery = z.strictObject({
  level: z.enum(REGION_LEVEL_NAMES).optional(),
  parentId: id.optional(),
});

export const listGridsQuery = z.strictObject({
  communityId: id.optional(),
  streetId: id.optional(),
  withGeometry: flag.optional(),
  ...page,
});

export const listComponentsQuery = z.strictObject({
  gridCode: z.string().min(1).max(32).optional(),
  typeCode: z
    .string()
    .regex(/^\d{5}$/, 'must be a 5-digit component type code')
    .optional(),
  ...page,
});

export const exportQuery = z.strictObject({ regionId: id.optional() });

export const importQuery = z.strictObject({ dryRun: flag.default(false) });

/**
 * A GeoJSON FeatureCollection. Features are only required to be an array here: the service
 * checks each one and lists every problem at once (a schema error would stop at the shape).
 */
export const featureCollectionBody = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.unknown()).max(1_000_000),
});

export const idParams = z.strictObject({ id });
export const gridCodeParams = z.strictObject({ code: z.string().min(1).max(32) });
