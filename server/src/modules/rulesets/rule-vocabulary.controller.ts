import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { KNOWN_OPERATORS, OPERATOR_DECORATORS } from '../../engine/operator-names.js';
import { RequireRoles } from '../../common/access/permission.decorator.js';
import {
  decisionTableDefinitionSchema,
  decisionTreeDefinitionSchema,
  LIMITS,
  rulesDefinitionSchema,
} from './ruleset-definition.schema.js';
import { RULESET_FORMATS } from './ruleset.types.js';

/**
 * What a rule-set definition may say, served so the console's editors offer exactly the server's operators and
 * formats instead of copying them.
 */
@ApiTags('rulesets')
@Controller('api/v1/schemas')
export class RuleVocabularyController {
  @Get('rulesets')
  @RequireRoles('analyst', 'approver', 'risk', 'admin')
  vocabulary() {
    return {
      operators: KNOWN_OPERATORS,
      decorators: OPERATOR_DECORATORS,
      formats: RULESET_FORMATS,
      limits: LIMITS,
      definition: {
        rules: rulesDefinitionSchema,
        decisionTable: decisionTableDefinitionSchema,
        decisionTree: decisionTreeDefinitionSchema,
      },
    };
  }
}
