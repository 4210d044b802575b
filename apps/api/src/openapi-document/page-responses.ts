import { applyDecorators } from '@nestjs/common';
import { ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponseDto } from '../common/error-body.dto';

/**
 * Responses of the routes people open from an email (unsubscribe, tracking, downloads): not
 * JSON, so their schema and example are written out per media type.
 */
export const ApiContentResponse = (status: number, description: string, mediaType: string, example: string, format?: string) =>
  ApiResponse({ status, description, content: { [mediaType]: { schema: { type: 'string', ...(format && { format }) }, example } } });

export interface PageProblem {
  code: string;
  status: number;
  message: string;
}

/**
 * The errors of a page for people: an HTML page, or the API's error body for a client that
 * asks for JSON only. One named example per problem code, grouped by status.
 */
export const ApiPageErrors = (problems: readonly PageProblem[]) => {
  const statuses = [...new Set(problems.map((problem) => problem.status))];
  return applyDecorators(...statuses.map((status) => {
    const mine = problems.filter((problem) => problem.status === status);
    const examples = Object.fromEntries(mine.map(({ code, message }) => [code, { summary: code, value: { error: { code, message } } }]));
    return ApiResponse({
      status,
      description: `${mine.map((problem) => `\`${problem.code}\``).join(', ')}: a page for people, the error body for JSON clients`,
      content: {
        'application/json': { schema: { $ref: getSchemaPath(ErrorResponseDto) }, examples },
        'text/html': { schema: { type: 'string' }, example: `<!doctype html><title>${mine[0].message}</title><p class="code">${mine[0].code}</p>` },
      },
    });
  }));
};
