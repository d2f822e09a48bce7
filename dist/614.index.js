export const id = 614;
export const ids = [614];
export const modules = {

/***/ 9614:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  connectKubernetes: () => (/* binding */ connectKubernetes),
  createKubernetes: () => (/* binding */ createKubernetes)
});

// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(7010);
// EXTERNAL MODULE: ./src/util/retry.ts
var retry = __webpack_require__(4266);
// EXTERNAL MODULE: ./src/util/timeout.ts
var timeout = __webpack_require__(4991);
// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/kube/call.ts
// How every Kubernetes call is made: each request has a deadline, transient answers are retried
// (waiting as long as a Retry-After asks), and failures become errors that carry the API server's
// message and name the server.




const RETRYABLE = new Set([409, 429, 500, 502, 503, 504]);
const THROTTLED = new Set([429]);
const RETRY_DELAYS_MS = [250, 1000];
function headerOf(err, name) {
    const headers = (err.headers ?? {});
    const key = Object.keys(headers).find(k => k.toLowerCase() === name);
    return key === undefined ? null : (headers[key] ?? null);
}
/** Options that give the request a deadline (an AbortSignal set before it is sent). */
function withDeadline(ms, options = {}) {
    const deadline = {
        pre: context => {
            context.setSignal(AbortSignal.timeout(ms));
            return new dist/* Observable */.cPK(Promise.resolve(context));
        },
        post: response => new dist/* Observable */.cPK(Promise.resolve(response))
    };
    return {
        ...options,
        middleware: [...(options.middleware ?? []), deadline],
        middlewareMergeStrategy: 'append'
    };
}
function kubeCalls(server, timeoutMs = timeout/* DEFAULT_REQUEST_TIMEOUT_S */.Qm * 1000) {
    // A call that timed out is not retried (each try would wait as long again): it says which.
    const attempt = (what, call, codes) => (0,retry/* retry */.L5)(call, {
        delaysMs: RETRY_DELAYS_MS,
        retryable: err => err instanceof dist/* ApiException */.UJ4 && codes.has(err.code),
        // A 429 (API priority and fairness) or 503 says how long to wait.
        requestedDelayMs: err => err instanceof dist/* ApiException */.UJ4 ? (0,retry/* retryAfterMs */.Vs)(headerOf(err, 'retry-after')) : null
    }).catch((err) => {
        if (!(0,timeout/* isTimeoutAbort */.eh)(err))
            throw err;
        throw new errors/* KubernetesError */.d(`The Kubernetes API server at ${server} did not answer ${what} within ${(0,timeout/* formatSeconds */.Xo)(timeoutMs)}`);
    });
    return {
        fail: err => {
            throw (0,errors/* toKubernetesError */.Q)(err, server);
        },
        options: base => withDeadline(timeoutMs, base),
        retried: (what, call) => attempt(what, call, RETRYABLE),
        throttled: (what, call) => attempt(what, call, THROTTLED)
    };
}
/** True when `err` is the API server's 404. */
function isNotFound(err) {
    return err instanceof dist/* ApiException */.UJ4 && err.code === 404;
}

// EXTERNAL MODULE: ./src/util/errors.ts
var util_errors = __webpack_require__(17);
;// CONCATENATED MODULE: ./src/kube/config.ts
// Which cluster to talk to: a kubeconfig given as content, else the usual places.


/**
 * A kubeconfig from `content` (YAML), else from KUBECONFIG, ~/.kube/config or the in-cluster
 * service account. Throws when none of them names a cluster to talk to.
 */
function loadKubeConfig(content) {
    const kc = new dist/* KubeConfig */.ypW();
    if (content !== undefined && content.trim() !== '') {
        try {
            kc.loadFromString(content);
        }
        catch (err) {
            throw new Error(`The kubeconfig given is not valid: ${(0,util_errors/* errorMessage */.gJ)(err)}`, { cause: err });
        }
        if (!kc.getCurrentCluster()) {
            throw new Error('The kubeconfig given has no usable current-context (it must name a context whose cluster is defined)');
        }
        return kc;
    }
    try {
        kc.loadFromDefault();
    }
    catch (err) {
        const source = process.env.KUBECONFIG
            ? `KUBECONFIG (${process.env.KUBECONFIG})`
            : '~/.kube/config or the in-cluster service account';
        throw new Error(`Cannot load the kubeconfig from ${source}: ${(0,util_errors/* errorMessage */.gJ)(err)}`, {
            cause: err
        });
    }
    // loadFromDefault falls back to an unauthenticated http://localhost:8080 when it finds nothing.
    const cluster = kc.getCurrentCluster();
    if (!cluster || (kc.getCurrentContext() === 'loaded-context' && cluster.name === 'cluster')) {
        throw new Error('No Kubernetes configuration found: pass a kubeconfig, set KUBECONFIG, provide ~/.kube/config, or run inside a cluster');
    }
    return kc;
}

;// CONCATENATED MODULE: ./src/kube/jobs.ts
// Kubernetes edge for Jobs: create one (a staged CronJob run by hand), follow it, read its pods.



/** The label the API server puts on a Job's pods (and its selector). */
const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
function createJobClient(kc, server, timeoutMs) {
    const batch = kc.makeApiClient(dist/* BatchV1Api */.Q8C);
    const core = kc.makeApiClient(dist/* CoreV1Api */.f5Y);
    const { fail, options, retried, throttled } = kubeCalls(server, timeoutMs);
    return {
        async create(job, { dryRun }) {
            const namespace = job.metadata?.namespace;
            if (!namespace || !job.metadata?.name) {
                throw new errors/* KubernetesError */.d('A Job needs metadata.name and metadata.namespace to be created');
            }
            // Not idempotent: only a 429 (the server did nothing) is retried.
            const what = `the ${dryRun ? 'dry-run ' : ''}creation of Job ${namespace}/${job.metadata.name}`;
            return throttled(what, () => batch.createNamespacedJob({ namespace, body: job, dryRun: dryRun ? 'All' : undefined }, options())).catch(fail);
        },
        async get(namespace, name) {
            try {
                return await retried(`the read of Job ${namespace}/${name}`, () => batch.readNamespacedJob({ name, namespace }, options()));
            }
            catch (err) {
                if (isNotFound(err))
                    return null;
                return fail(err);
            }
        },
        async list(namespace, labelSelector) {
            const items = [];
            let token;
            do {
                const page = await retried(`the list of Jobs in namespace ${namespace}`, () => batch.listNamespacedJob({ namespace, labelSelector, limit: 500, _continue: token }, options())).catch(fail);
                items.push(...page.items);
                token = page.metadata?._continue || undefined;
            } while (token);
            return items;
        },
        async pods(namespace, jobName) {
            const page = await retried(`the list of the pods of Job ${namespace}/${jobName}`, () => core.listNamespacedPod({ namespace, labelSelector: `${JOB_NAME_LABEL}=${jobName}` }, options())).catch(fail);
            return page.items;
        }
    };
}

// EXTERNAL MODULE: ./src/kube/rules.ts
var rules = __webpack_require__(3574);
;// CONCATENATED MODULE: ./src/kube/client.ts
// Kubernetes edge: typed client-node calls for staging CronJobs and the Flux and Argo CD nudges.
// Every call is idempotent (apply is server-side with force), so transient answers are retried.






const FLUX_SOURCE = { group: 'source.toolkit.fluxcd.io', version: 'v1', plural: 'gitrepositories' };
const RECONCILE_ANNOTATION = 'reconcile.fluxcd.io/requestedAt';
const ARGO_APPLICATION = { group: 'argoproj.io', version: 'v1alpha1', plural: 'applications' };
const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';
function createKubernetes(kc, timeoutMs) {
    const server = kc.getCurrentCluster()?.server ?? '(no current cluster)';
    const batch = kc.makeApiClient(dist/* BatchV1Api */.Q8C);
    const custom = kc.makeApiClient(dist/* CustomObjectsApi */.aVm);
    const { fail, options, retried } = kubeCalls(server, timeoutMs);
    const cronJobs = {
        async list(namespace, labelSelector) {
            const items = [];
            let token;
            do {
                const page = await retried(`the list of CronJobs in namespace ${namespace}`, () => batch.listNamespacedCronJob({ namespace, labelSelector, limit: 500, _continue: token }, options())).catch(fail);
                items.push(...page.items);
                token = page.metadata?._continue || undefined;
            } while (token);
            return items;
        },
        async apply(cronJob, { dryRun }) {
            const body = applyBody(cronJob);
            const { name, namespace } = body.metadata ?? {};
            if (!name || !namespace) {
                throw new errors/* KubernetesError */.d('A CronJob needs metadata.name and metadata.namespace to be applied');
            }
            const what = `the ${dryRun ? 'dry-run ' : ''}apply of CronJob ${namespace}/${name}`;
            const res = await retried(what, () => batch.patchNamespacedCronJobWithHttpInfo({
                name,
                namespace,
                body,
                fieldManager: rules/* FIELD_MANAGER */.vy,
                force: true,
                dryRun: dryRun ? 'All' : undefined
            }, options((0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.ServerSideApply)))).catch(fail);
            return { created: res.httpStatusCode === 201, object: res.data };
        },
        async delete(namespace, name) {
            try {
                await retried(`the deletion of CronJob ${namespace}/${name}`, () => batch.deleteNamespacedCronJobWithHttpInfo({ name, namespace, propagationPolicy: 'Background' }, options()));
                return true;
            }
            catch (err) {
                if (isNotFound(err))
                    return false;
                return fail(err);
            }
        },
        async get(namespace, name) {
            try {
                return await retried(`the read of CronJob ${namespace}/${name}`, () => batch.readNamespacedCronJob({ name, namespace }, options()));
            }
            catch (err) {
                if (isNotFound(err))
                    return null;
                return fail(err);
            }
        }
    };
    const flux = {
        async requestReconcile(namespace, name, at) {
            await retried(`the annotation of GitRepository ${namespace}/${name}`, () => custom.patchNamespacedCustomObjectWithHttpInfo({
                ...FLUX_SOURCE,
                namespace,
                name,
                body: { metadata: { annotations: { [RECONCILE_ANNOTATION]: at.toISOString() } } }
            }, options((0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.MergePatch)))).catch(fail);
        }
    };
    const argo = {
        async requestRefresh(namespace, name) {
            await retried(`the annotation of Application ${namespace}/${name}`, () => custom.patchNamespacedCustomObjectWithHttpInfo({
                ...ARGO_APPLICATION,
                namespace,
                name,
                // Argo CD's controller refreshes the app and removes the annotation again.
                body: { metadata: { annotations: { [REFRESH_ANNOTATION]: 'normal' } } }
            }, options((0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.MergePatch)))).catch(fail);
        }
    };
    return { cronJobs, jobs: createJobClient(kc, server, timeoutMs), flux, argo, server };
}
/** The apply configuration: the caller's intent only, typed, without server-owned fields. */
function applyBody(cronJob) {
    const metadata = { ...cronJob.metadata };
    for (const key of rules/* SERVER_OWNED_METADATA */.mk)
        delete metadata[key];
    const body = { ...cronJob, apiVersion: 'batch/v1', kind: 'CronJob', metadata };
    // Status is the status subresource's business; an apply to the object ignores it anyway.
    delete body.status;
    return body;
}
/** The clients for the cluster named by `kubeconfig` content, else KUBECONFIG / ~/.kube/config / in-cluster. */
function connectKubernetes(kubeconfig, timeoutMs) {
    return createKubernetes(loadKubeConfig(kubeconfig ?? undefined), timeoutMs);
}


/***/ }),

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ toKubernetesError),
/* harmony export */   d: () => (/* binding */ KubernetesError)
/* harmony export */ });
/* harmony import */ var _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7010);
/* harmony import */ var _util_errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(17);
// Any failure of a client-node call, turned into an error that carries the API server's own
// message (its `Status`), or says that the server could not be reached.


class KubernetesError extends Error {
    status;
    reason;
    constructor(message, status, reason) {
        super(message);
        this.name = 'KubernetesError';
        if (status !== undefined)
            this.status = status;
        if (reason !== undefined)
            this.reason = reason;
    }
}
function parseStatus(body) {
    let value = body;
    if (typeof value === 'string') {
        try {
            value = JSON.parse(value);
        }
        catch {
            return null;
        }
    }
    return typeof value === 'object' && value !== null ? value : null;
}
const NETWORK_CODES = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ENOTFOUND',
    'EAI_AGAIN',
    'ETIMEDOUT',
    'EHOSTUNREACH',
    'ENETUNREACH',
    'EPIPE',
    'UND_ERR_CONNECT_TIMEOUT',
    'UND_ERR_SOCKET',
    'UND_ERR_HEADERS_TIMEOUT',
    'UND_ERR_BODY_TIMEOUT'
]);
// Duck-typed: socket errors come from Node's own realm, where `instanceof Error` can be false.
function errorLike(value) {
    return (typeof value === 'object' && value !== null && typeof value.message === 'string');
}
// fetch wraps the socket error as `TypeError: fetch failed` with the real reason in `cause`.
function networkCause(err) {
    let current = err;
    for (let depth = 0; depth < 5 && errorLike(current); depth++) {
        if (typeof current.code === 'string' && NETWORK_CODES.has(current.code))
            return current;
        current = current.cause;
    }
    if (errorLike(err) && err.message === 'fetch failed') {
        return errorLike(err.cause) ? err.cause : err;
    }
    return null;
}
/** Any failure of a client-node call, as a KubernetesError a user can act on. */
function toKubernetesError(err, server) {
    if (err instanceof KubernetesError)
        return err;
    if (err instanceof _kubernetes_client_node__WEBPACK_IMPORTED_MODULE_0__/* .ApiException */ .UJ4) {
        const code = err.code;
        const status = parseStatus(err.body);
        if (status && typeof status.message === 'string' && status.message !== '') {
            const reason = typeof status.reason === 'string' ? status.reason : undefined;
            return new KubernetesError(status.message, code, reason);
        }
        if (code === 401) {
            return new KubernetesError(`Unauthorized: the Kubernetes API server at ${server} rejected the credentials (HTTP 401)`, 401, 'Unauthorized');
        }
        const raw = err.body;
        const text = typeof raw === 'string' ? raw.slice(0, 200) : '';
        return new KubernetesError(`The Kubernetes API server at ${server} answered HTTP ${code}${text ? `: ${text}` : ''}`, code);
    }
    const cause = networkCause(err);
    if (cause) {
        const wrapped = new KubernetesError(`Cannot reach the Kubernetes API server at ${server}: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(cause)}`);
        wrapped.cause = err;
        return wrapped;
    }
    const wrapped = new KubernetesError(`Kubernetes request to ${server} failed: ${(0,_util_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    wrapped.cause = err;
    return wrapped;
}


/***/ })

};
