import { ApiToken } from '../auth/api-token.entity';
import { Office } from '../offices/office.entity';

/** Every entity the data source knows; features add theirs here. */
export const ENTITIES = [Office, ApiToken];
