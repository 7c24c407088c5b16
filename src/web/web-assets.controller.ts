import { Controller, Get, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Public } from '../auth/auth.decorators';
import { projectRoot } from '../common/project-root';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

interface Asset {
  body: Buffer;
  type: string;
  etag: string;
}

/** src/web/assets: read from the sources both under jest and from dist/ (no build step for the pages). */
export const assetsDir = () => join(projectRoot(), 'src', 'web', 'assets');

/**
 * The pages' scripts and styles: a fixed set of files read once at start, served by name only (no
 * paths, so nothing outside the folder can be asked for). Public: they contain no data.
 */
@ApiExcludeController()
@Public()
@Controller('assets')
export class WebAssetsController {
  private readonly assets = new Map<string, Asset>();

  constructor() {
    const dir = assetsDir();
    for (const name of readdirSync(dir)) {
      const type = TYPES[extname(name)];
      if (!type || !/^[a-z0-9-]+\.[a-z]+$/.test(name)) continue;
      const body = readFileSync(join(dir, name));
      this.assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` });
    }
  }

  @Get(':file')
  serve(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const asset = this.assets.get(file);
    if (!asset) {
      res.status(404).type('text/plain; charset=utf-8').send('Diese Datei gibt es nicht.');
      return;
    }
    res.setHeader('Content-Type', asset.type);
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('ETag', asset.etag);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    if (req.header('if-none-match') === asset.etag) {
      res.status(304).end();
      return;
    }
    res.status(200).send(asset.body);
  }
}
