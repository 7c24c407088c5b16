import { Body, Controller, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/auth.decorators';
import { CodeAnswerDto, CodeDto, LinkAnswerDto } from './dto/public-answer.dto';
import { PublicRateLimitGuard } from './public-rate-limit.guard';
import { SurveyAnsweringService, type PublicForm } from './survey-answering.service';

const THANKS = { message: 'Vielen Dank! Ihre Antwort wurde anonym gespeichert.' };

/**
 * The only routes that write without a token: answering a survey. Public on purpose (listed in
 * test/auth/route-guard.spec.ts), rate-limited, strictly validated, and unable to read any result:
 * they answer with the questionnaire, a thank-you or an error, never with figures.
 */
@ApiTags('Befragungen (öffentlich)')
@Public()
@UseGuards(PublicRateLimitGuard)
@Controller('api/v1/public/surveys')
export class PublicSurveysController {
  constructor(private readonly answering: SurveyAnsweringService) {}

  @Post('codes/check')
  @HttpCode(200)
  @ApiOperation({ summary: 'Einmal-Code prüfen, ohne ihn zu verbrauchen: liefert den Fragebogen' })
  check(@Body() dto: CodeDto): Promise<PublicForm> {
    return this.answering.formForCode(dto.code);
  }

  @Post('codes/answers')
  @ApiOperation({ summary: 'Mit einem Einmal-Code antworten; ein benutzter Code antwortet 409 und speichert nichts' })
  async answerWithCode(@Body() dto: CodeAnswerDto): Promise<typeof THANKS> {
    await this.answering.answerWithCode(dto.code, dto);
    return THANKS;
  }

  @Post('links/:key/form')
  @HttpCode(200)
  @ApiOperation({ summary: 'Öffentliches Formular einer Regionalstelle öffnen: Fragebogen und ein Stimmzettel für genau eine Antwort' })
  form(@Param('key') key: string): Promise<PublicForm & { ballot: string }> {
    return this.answering.openLinkForm(key);
  }

  @Post('links/:key/answers')
  @ApiOperation({ summary: 'Über den öffentlichen Link antworten (ohne Anmeldung); jeder Stimmzettel gilt einmal' })
  async answerWithLink(@Param('key') key: string, @Body() dto: LinkAnswerDto): Promise<typeof THANKS> {
    await this.answering.answerWithLink(key, dto.ballot, dto);
    return THANKS;
  }
}
