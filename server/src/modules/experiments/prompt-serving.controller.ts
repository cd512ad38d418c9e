import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import { READERS } from '../governance/governed.controller.js';
import { servedVersionsSchema } from './experiments.contract.js';
import { ExperimentsService } from './experiments.service.js';

/**
 * Which versions of a prompt running experiments serve, under the prompt it is about. It lives here, not in the
 * prompts module, since experiments depend on prompts (docs/adr/0020); under /experiments it would have taken
 * the routes of an experiment keyed like its path.
 */
@ApiTags('prompts')
@Controller('api/v1/prompts')
export class PromptServingController {
  constructor(private readonly experiments: ExperimentsService) {}

  @Get(':key/experiments')
  @RequireRoles(...READERS)
  @ApiOkResponse({ schema: servedVersionsSchema as object })
  served(@Param('key') key: string) {
    return this.experiments.servedVersions(key);
  }
}
