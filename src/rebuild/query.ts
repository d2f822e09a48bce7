// GraphQL documents for the rebuild round trip. They are validated against GitHub's published
// schema in the tests (the fake GitHub executes them), so a field GitHub would reject fails there.

const CONTEXT_FIELDS = `
  __typename
  ... on CheckRun {
    name
    status
    conclusion
    startedAt
    completedAt
    databaseId
    checkSuite {
      app { slug }
      workflowRun {
        file { path }
        workflow { name }
      }
    }
  }
  ... on StatusContext {
    context
    state
    description
    createdAt
  }
`;

/** Open PRs to base, oldest first, with each head commit's checks: one page from `$cursor`. */
const PULL_REQUESTS = `
    pullRequests(states: OPEN, baseRefName: $base, first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: ASC }) {
      nodes {
        id
        number
        title
        isDraft
        isCrossRepository
        headRefOid
        author { login }
        labels(first: 100) { nodes { name } }
        statusCheckRollup {
          commit { oid }
          contexts(first: 100) {
            pageInfo { hasNextPage endCursor }
            nodes { ${CONTEXT_FIELDS} }
          }
        }
      }
      pageInfo { hasNextPage endCursor }
    }`;

/**
 * Everything rebuild needs in one query: permission, the default branch, base and staging heads
 * (and the protection rule on staging that non-admins can see, `refUpdateRule`), and the first
 * page of open PRs. Sent without a cursor; PULL_REQUESTS_QUERY reads the pages after it.
 */
export const REBUILD_QUERY = `
query stagingRebuild($owner: String!, $repo: String!, $base: String!, $baseRef: String!, $stagingRef: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {
    viewerPermission
    defaultBranchRef { name }
    baseRef: ref(qualifiedName: $baseRef) {
      target { oid ... on Commit { tree { oid } } }
    }
    stagingRef: ref(qualifiedName: $stagingRef) {
      refUpdateRule { pattern }
      target { oid ... on Commit { message tree { oid } } }
    }${PULL_REQUESTS}
  }
}`;

/**
 * The pages of open PRs after REBUILD_QUERY's, without the repository's fields again (the
 * staging commit's message alone is about 70 bytes per merged PR).
 */
export const PULL_REQUESTS_QUERY = `
query stagingPullRequests($owner: String!, $repo: String!, $base: String!, $cursor: String) {
  repository(owner: $owner, name: $repo) {${PULL_REQUESTS}
  }
}`;

/**
 * Further pages of one PR's check contexts, for PRs with more than 100. It reads the PR's rollup
 * as it is now: the head and the rollup's commit tell whether it is still the commit the first
 * query read.
 */
export const CONTEXTS_QUERY = `
query stagingContexts($id: ID!, $cursor: String) {
  node(id: $id) {
    ... on PullRequest {
      headRefOid
      statusCheckRollup {
        commit { oid }
        contexts(first: 100, after: $cursor) {
          nodes { ${CONTEXT_FIELDS} }
          pageInfo { hasNextPage endCursor }
        }
      }
    }
  }
}`;
