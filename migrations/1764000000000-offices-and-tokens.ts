import { MigrationInterface, QueryRunner } from 'typeorm';

/** Offices (Regionalstellen, section 2 of Anlage 3) and the access tokens bound to them. */
export class OfficesAndTokens1764000000000 implements MigrationInterface {
  name = 'OfficesAndTokens1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE office (
        id text NOT NULL,
        name text NOT NULL,
        role text NOT NULL,
        seat_id text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_office PRIMARY KEY (id),
        CONSTRAINT ck_office_id_format CHECK (id ~ '^[a-z][a-z0-9-]{1,62}$'),
        CONSTRAINT ck_office_role CHECK (role IN ('standalone', 'tandem-seat', 'tandem-minor')),
        CONSTRAINT ck_office_minor_has_seat CHECK ((role = 'tandem-minor') = (seat_id IS NOT NULL)),
        CONSTRAINT fk_office_seat FOREIGN KEY (seat_id) REFERENCES office (id)
      )`);
    await q.query(`
      CREATE TABLE api_token (
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        token_hash text NOT NULL,
        role text NOT NULL,
        label text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz NULL,
        CONSTRAINT pk_api_token PRIMARY KEY (id),
        CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
        CONSTRAINT ck_api_token_role CHECK (role IN ('coordination', 'regional'))
      )`);
    await q.query(`
      CREATE TABLE api_token_office (
        token_id uuid NOT NULL,
        office_id text NOT NULL,
        CONSTRAINT pk_api_token_office PRIMARY KEY (token_id, office_id),
        CONSTRAINT fk_api_token_office_token FOREIGN KEY (token_id) REFERENCES api_token (id) ON DELETE CASCADE,
        CONSTRAINT fk_api_token_office_office FOREIGN KEY (office_id) REFERENCES office (id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE api_token_office');
    await q.query('DROP TABLE api_token');
    await q.query('DROP TABLE office');
  }
}
