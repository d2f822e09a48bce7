import { describe, expect, it } from '@jest/globals';
import { firstLineOfBody, githubErrorMessage } from '../../../src/util/errors.js';

describe('githubErrorMessage', () => {
  it("reduces GitHub's HTML error page to its title", () => {
    const error = {
      status: 502,
      message: 'Server Error',
      response: {
        data: '<!DOCTYPE html><html><head><title>Unicorn! · GitHub</title></head></html>'
      }
    };
    expect(githubErrorMessage(error, 'the open pull requests of acme/api', 4)).toBe(
      'GitHub: the open pull requests of acme/api failed after 4 tries: HTTP 502: Unicorn! · GitHub'
    );
  });

  it('puts GraphQL error messages on the first line', () => {
    const error = {
      message: 'Request failed due to following response errors:\n - Something broke',
      errors: [{ message: 'Something broke' }]
    };
    expect(githubErrorMessage(error, 'the status contexts of PR #12', 1)).toBe(
      'GitHub: the status contexts of PR #12 failed after 1 try: GraphQL errors: Something broke'
    );
  });

  it('falls back to the first text of an HTML page without a title', () => {
    expect(firstLineOfBody('<html><body><h1>Bad gateway</h1><p>x</p></body></html>')).toBe(
      'Bad gateway'
    );
  });
});
