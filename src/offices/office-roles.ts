import type { OfficeRole } from '../engine/types';

/** Kept beside the DTOs so that validation and the OpenAPI schema list the same roles. */
export const OFFICE_ROLE_VALUES: OfficeRole[] = ['standalone', 'tandem-seat', 'tandem-minor'];
