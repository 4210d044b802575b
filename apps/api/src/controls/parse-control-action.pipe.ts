import { Injectable, PipeTransform } from '@nestjs/common';
import type { ControlAction } from '@relance/db/repositories/sequence-control.repository';
import { DomainError } from '@relance/errors';

const ACTIONS: readonly ControlAction[] = ['pause', 'resume', 'stop'];

/** Only the three controls exist; anything else is a 404 like an unknown route. */
@Injectable()
export class ParseControlActionPipe implements PipeTransform<string, ControlAction> {
  transform(value: string): ControlAction {
    if (!(ACTIONS as readonly string[]).includes(value)) throw new DomainError('not_found', `no such action "${value}"`);
    return value as ControlAction;
  }
}
