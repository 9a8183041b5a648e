// Pastes for gitlab-troubleshooting (../shared/bench/corpora/gitlab-troubleshooting: GitLab's troubleshooting
// pages, CC BY-SA 4.0): runner job logs, git client output, gitlab-ctl / Rails / Sidekiq / registry
// / Pages log lines, pages and dialogs as copied, and problems in the user's own words. Every text is
// written for this file; only the error strings and identifiers come from the pages.
// expect = the importer's id for one problem split out of a page:
// problemId(pageIdFromPath(<path relative to the corpus root>), <heading as written>) from
// src/build/import/ids.ts (a page with one problem keeps its file name's id). The table below lists
// them; test/eval-data.test.ts checks each against the import.

const GL = 'gitlab-troubleshooting'
const neg = (c) => ({ kind: 'negative', expect: null, ...c })

/** Expected ids, one per problem (page id + heading words). */
const ID = {
  dind2375: 'docker-build-troubleshooting-error-docker-cannot-connect-to-the-docker-daemon-at-tcp-docker-2375',
  dockSock: 'docker-build-troubleshooting-error-cannot-connect-to-the-docker-daemon-at-unix-var-run-docker-sock',
  dockUnauth: 'docker-build-troubleshooting-error-unauthorized-incorrect-username-or-password',
  dockNoHost: 'docker-build-troubleshooting-docker-no-such-host-error',
  dockConnect: 'docker-build-troubleshooting-error-during-connect-no-such-host',
  dockX509: 'docker-build-troubleshooting-error-failed-to-verify-certificate-x509-certificate-signed-by-unknown',
  dockCgroup: 'docker-build-troubleshooting-error-cgroups-cgroup-mountpoint-does-not-exist-unknown',
  sshPubkey: 'ssh-troubleshooting-error-permission-denied-publickey',
  sshPwPrompt: 'ssh-troubleshooting-password-prompt-with-git-clone',
  gitBrokenPipe: 'troubleshooting-git-broken-pipe-errors-on-git-push',
  gitSshExch: 'troubleshooting-git-ssh-exchange-identification-error',
  gitTransfer: 'troubleshooting-git-git-clone-over-http-fails-with-transfer-closed-with-outstanding-read-data',
  gitPwExpired: 'troubleshooting-git-password-expired-error-on-git-fetch-via-ssh-for-ldap-user',
  lfsNotFound: 'lfs-troubleshooting-error-repository-or-object-not-found',
  lfs501: 'lfs-troubleshooting-invalid-status-for-url-501',
  lfsPointers: 'lfs-troubleshooting-encountered-n-files-that-should-have-been-pointers-but-weren-t',
  lfsTimeout: 'lfs-troubleshooting-i-o-timeout-when-pushing-lfs-objects',
  tfaBasic: 'two-factor-authentication-troubleshooting-error-http-basic-access-denied-if-a-password-was-provided',
  tfaPin: 'two-factor-authentication-troubleshooting-error-invalid-pin-code',
  krbBasic: 'kerberos-troubleshooting-http-basic-access-denied-when-cloning',
  jobDownload: 'job-troubleshooting-error-you-are-not-allowed-to-download-code-from-this-project',
  jobIntegrity: 'job-troubleshooting-error-data-integrity-failure',
  jobManual: 'job-troubleshooting-error-you-are-not-authorized-to-run-this-manual-job',
  jobHttp2: 'job-troubleshooting-get-sources-job-section-fails-because-of-an-http-2-problem',
  jobDropped: 'job-troubleshooting-job-dropped-after-being-stuck-or-exceeding-its-timeout',
  jobInvalid: 'job-troubleshooting-error-this-gitlab-ci-configuration-is-invalid-for-variable-expressions',
  yamlBig: 'ci-debugging-the-parsed-yaml-is-too-big-message',
  matrix: 'ci-debugging-config-should-be-an-array-of-hashes-error-message',
  inclNotFound: 'ci-debugging-project-group-project-not-found-or-access-denied-message',
  bom: 'ci-debugging-unexpected-behavior-when-gitlab-ci-yml-file-contains-a-byte-order-mark-bom',
  argLong: 'variables-troubleshooting-argument-list-too-long-error',
  insuffVars: 'variables-troubleshooting-insufficient-permissions-to-set-pipeline-variables-error-for-a-downstream',
  refAmb: 'downstream-pipelines-troubleshooting-ref-is-ambiguous',
  art403: 'downstream-pipelines-troubleshooting-403-forbidden-error-when-downloading-a-job-artifact-from-an',
  needsStr: 'downstream-pipelines-troubleshooting-error-needs-need-pipeline-should-be-a-string',
  mrRun: 'mr-pipeline-troubleshooting-an-error-occurred-while-trying-to-run-a-new-pipeline-for-this-merge',
  bkGzip: 'troubleshooting-backup-gitlab-backup-fails-to-complete-with-gzip-error',
  bkPgStat: 'troubleshooting-backup-gitlab-restoring-database-backup-fails-when-pg-stat-statements-was-previously',
  rpmInst: 'package-troubleshooting-rpm-package-is-already-installed-error',
  obsoleted: 'package-troubleshooting-package-obsoleted-by-installed-package',
  aptSig: 'package-troubleshooting-an-error-occurred-during-the-signature-verification',
  migTimeout: 'package-troubleshooting-mixlib-shellout-commandtimeout-rails-migration-gitlab-rails-command-timed',
  shm: 'docker-troubleshooting-dev-shm-mount-not-having-enough-space-in-docker-container',
  thread: 'docker-troubleshooting-threaderror-can-t-create-thread-operation-not-permitted',
  bufOver: 'docker-troubleshooting-buffer-overflow-error-when-starting-docker',
  x509Mismatch: 'ssl-x-509-key-values-mismatch-error',
  wrongVer: 'ssl-ssl-connect-wrong-version-number',
  schannel: 'ssl-schannel-sec-e-untrusted-root',
  selfSigned: 'ssl-unable-to-perform-git-operations-due-to-an-internal-or-self-signed-certificate',
  geoShmem: 'postgresql-replication-message-fatal-could-not-map-anonymous-shared-memory-cannot-allocate-memory',
  geoCidr: 'postgresql-replication-message-log-invalid-cidr-mask-in-address',
  geoRecovery: 'postgresql-replication-message-error-canceling-statement-due-to-conflict-with-recovery',
  geoSlots: 'postgresql-replication-message-error-replication-slots-can-only-be-used-if-max-replication-slots-0',
  wraparound: 'postgresql-database-is-not-accepting-commands-to-avoid-wraparound-data-loss',
  pgRefused: 'postgresql-database-connection-is-refused',
  pgbouncer: 'replication-and-failover-troubleshooting-pgbouncer-error-error-pgbouncer-cannot-connect-to-server',
  walAhead: 'replication-and-failover-troubleshooting-error-requested-start-point-is-ahead-of-the-write-ahead-log',
  regMig: 'container-registry-metadata-database-troubleshooting-error-there-are-pending-database-migrations',
  regLock: 'container-registry-metadata-database-troubleshooting-error-database-in-use-lockfile-exists',
  regSchema: 'container-registry-metadata-database-troubleshooting-error-permission-denied-for-schema-public',
  untrustedKey: 'container-registry-troubleshooting-docker-login-attempt-fails-with-token-signed-by-untrusted-key',
  regKey: 'container-registry-troubleshooting-missing-gitlab-registry-key-prevents-container-repository',
  regIpv6: 'container-registry-troubleshooting-registry-service-listens-on-ipv6-address-instead-of-ipv4',
  s3Chunk: 'container-registry-troubleshooting-aws-s3-with-the-gitlab-registry-error-when-pushing-large-images',
  blobUnknown: 'troubleshoot-container-registry-blob-unknown-to-registry-error-when-pushing-a-manifest-list',
  ociManifest: 'troubleshoot-container-registry-oci-manifest-found-but-accept-header-does-not-support-oci-manifests',
  pagesCookie: 'pages-troubleshooting-500-error-with-securecookie-failed-to-generate-random-iv-and-failed-to-save',
  httprange: 'pages-troubleshooting-httprange-new-resource-403',
  unknownClient: 'pages-troubleshooting-503-error-client-authentication-failed-due-to-unknown-client',
  provider: 'pages-troubleshooting-gitlab-pages-deploy-job-fails-with-error-is-not-a-recognized-provider',
  pagesApi: 'pages-troubleshooting-failed-to-connect-to-the-internal-gitlab-api',
  pagesIpv6: 'pages-troubleshooting-502-error-when-connecting-to-gitlab-pages-proxy-when-server-does-not-listen',
  pagesNoexec: 'pages-troubleshooting-pages-daemon-fails-with-permission-denied-errors',
  es429: 'indexing-indexing-fails-with-error-elastic-error-429-too-many-requests',
  esClauses: 'indexing-search-fails-with-too-many-clauses-maxclausecount-is-set-to-1024',
  esFlood: 'indexing-error-disk-usage-exceeded-flood-stage-watermark-index-has-read-only-allow-delete-block',
  es413: 'indexing-error-elasticsearch-transport-transport-errors-requestentitytoolarge',
  esHealth: 'migrations-error-health-check-timeout-no-elasticsearch-node-available',
  esFaraday: 'migrations-error-faraday-timeouterror-execution-expired',
  esAnon: 'access-user-anonymous-is-not-authorized-to-perform-es-eshttpget',
  jiraCert: 'jira-troubleshooting-certificate-verify-failed-when-testing-the-integration-settings',
  jiraCaptcha: 'jira-troubleshooting-captcha-after-failed-sign-in-attempts',
  jira500: 'jira-troubleshooting-500-we-re-sorry-when-accessing-a-jira-issue-in-gitlab',
  dvcsSync: 'dvcs-troubleshooting-error-sync-failed',
  hookRate: 'webhooks-troubleshooting-error-webhook-rate-limit-exceeded',
  hookNot: 'webhooks-troubleshooting-webhook-not-triggered',
  hookSsl: 'webhooks-troubleshooting-resolve-ssl-certificate-verification-errors',
  mirHostKey: 'mirror-troubleshooting-host-key-verification-failed',
  mirUsername: 'mirror-troubleshooting-could-not-read-username-terminal-prompts-disabled',
  mir301: 'mirror-troubleshooting-the-requested-url-returned-error-301',
  mirRst: 'mirror-troubleshooting-received-rst-stream-with-error-code-2-with-github',
  mirDumb: 'mirror-troubleshooting-initial-mirroring-fails-unable-to-pull-mirror-repo-unable-to-get-pack-index',
  mirConflict: 'mirror-troubleshooting-error-file-directory-conflict',
  impGat: 'import-export-troubleshooting-import-using-the-rest-api-fails-when-using-a-group-access-token',
  scim409: 'troubleshooting-scim-scim-app-returns-user-has-already-been-taken-status-409-error',
  scimCreds: 'troubleshooting-scim-invalid-credentials-error-when-testing-connection',
  scimNull: 'troubleshooting-scim-error-authenticating-null-message-when-testing-api-scim-credentials',
  agentDecomp: 'agent-troubleshooting-decompressor-is-not-installed-for-grpc-encoding',
  agentWs: 'agent-troubleshooting-transport-error-while-dialing-failed-to-websocket-dial',
  agentX509: 'agent-troubleshooting-certificate-signed-by-unknown-authority',
  agentJobs: 'agent-troubleshooting-failed-to-perform-vulnerability-scan-on-workload-jobs-batch-already-exists',
  wsLease: 'workspaces-troubleshooting-error-failed-to-renew-lease',
  wsNotExist: 'workspaces-troubleshooting-error-workspace-does-not-exist',
  m3006: 'gitlab-duo-chat-troubleshooting-error-m3006',
  a1000: 'gitlab-duo-chat-troubleshooting-error-a1000',
  m3004: 'gitlab-duo-chat-troubleshooting-error-m3004',
  csXattr: 'container-scanning-troubleshooting-docker-error-response-from-daemon-failed-to-copy-xattrs',
  csScheme: 'container-scanning-troubleshooting-error-unknown-scheme-in-cs-image-allowed-schemes-docker-archive',
  csDbAge: 'container-scanning-troubleshooting-warning-vulnerability-database-was-built-x-days-ago-max-allowed',
  cs401: 'container-scanning-troubleshooting-error-unexpected-status-code-401-unauthorized-not-authorized',
  pgConfig: 'troubleshooting-dependency-scanning-dependency-scanning-of-projects-using-psycopg2-fails-with-pg',
  use2to3: 'troubleshooting-dependency-scanning-dependency-scanning-of-setuptools-project-fails-with-use-2to3-is',
  tfAuth: 'iac-troubleshooting-error-refreshing-state-http-remote-state-endpoint-requires-auth',
  tfAddress: 'iac-troubleshooting-error-address-required-field-is-not-set',
  adV1beta: 'autodevops-troubleshooting-error-unable-to-recognize-no-matches-for-kind-deployment-in-version',
  adTimeout: 'autodevops-troubleshooting-error-release-failed-timed-out-waiting-for-the-condition',
  certPath: 'code-suggestions-troubleshooting-error-unable-to-find-valid-certification-path-to-requested-target',
  geoCookie: 'client-http-secondary-site-returns-400-error-request-header-or-cookie-too-large',
  dispatch: 'gitlab-slack-app-troubleshooting-slash-commands-return-dispatch-failed-in-slack',
  zoekt401: 'zoekt-troubleshooting-error-taskrequest-responded-with-401',
  alpn: 'zoekt-troubleshooting-error-missing-selected-alpn-property',
  mrBranch: 'merge-request-troubleshooting-error-source-branch-branch-name-does-not-exist-when-the-branch-exists',
  // api/rest/troubleshooting.md holds one problem: it keeps its file name's id
  api404: 'troubleshooting',
}

export default [
  // ================================================================ CI: Docker builds (docker_build_troubleshooting)
  {
    id: 'gl-dind2375-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.dind2375,
    note: 'runner job log: docker run against the dind service on 2375',
    text: String.raw`Running with gitlab-runner 17.4.1 (b92ee590)
  on shared-docker-02 xT7pq2Lm, system ID: s_4c1e8a9f02d7
Preparing the "docker" executor
Using Docker executor with image docker:27.3.1 ...
Starting service docker:27.3.1-dind ...
Waiting for services to be up and running (timeout 30 seconds)...
Getting source from Git repository
Fetching changes with git depth set to 20...
Checking out 9f3c1a7e as detached HEAD (ref is main)...
Executing "step_script" stage of the job script
$ docker run --rm $CI_REGISTRY_IMAGE/test-runner:latest ./run-tests.sh
docker: Cannot connect to the Docker daemon at tcp://docker:2375. Is the docker daemon running?.
See 'docker run --help'.
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 125`,
  },
  {
    id: 'gl-dind2375-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.dind2375,
    note: 'own words; mentions the port and the version jump',
    text: String.raw`Since we moved the dind service from 18.09 to a 24.x image, every build job says it cannot connect to the docker daemon on port 2375. Same .gitlab-ci.yml as before, docker executor.`,
  },
  {
    id: 'gl-docksock-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.dockSock,
    note: 'job log: compose image, dind service, no DOCKER_HOST; unix socket error',
    text: String.raw`Using Docker executor with image docker/compose:1.29.2 ...
Starting service docker:20.10.16-dind ...
Executing "step_script" stage of the job script
$ docker-compose version
docker-compose version 1.29.2, build 5becea4c
$ docker ps
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-docksock-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.dockSock,
    note: 'own words; mentions the feature flag, abbreviations',
    text: String.raw`after turning on FF_NETWORK_PER_BUILD on our runners the docker jobs fail, cant conect to the docker daemon at the unix socket /var/run/docker.sock. dind service is defined, image still uses DOCKER_PORT_2375_TCP`,
  },
  {
    id: 'gl-dockunauth-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.dockUnauth,
    note: 'docker login in a job with the old build token variable',
    text: String.raw`$ echo "Logging in to registry"
Logging in to registry
$ docker login -u gitlab-ci-token -p $CI_BUILD_TOKEN $CI_REGISTRY
WARNING! Using --password via the CLI is insecure. Use --password-stdin.
Error response from daemon: Get "https://registry.devops.acme-tools.net/v2/": unauthorized: incorrect username or password
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-docknohost-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.dockNoHost,
    note: 'own words: service pulled by full registry path, host "docker" not resolvable',
    text: String.raw`We pull the dind service as registry.hub.docker.com/library/docker:26.1-dind (proxy rules) and now docker build in the job fails with lookup docker ... no such host. With plain docker:dind it was fine.`,
  },
  {
    id: 'gl-dockconnect-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.dockConnect,
    note: 'job log with service container logs showing the mount permission problem (non-privileged runner)',
    text: String.raw`*** WARNING: Service runner-hh2xk1-project-4411-concurrent-0-3b1f9c0d2a77e51c-docker-0 probably didn't start properly.

Health check error:
service "runner-hh2xk1-project-4411-concurrent-0-3b1f9c0d2a77e51c-docker-0-wait-for-service" timeout

Service container logs:
2025-05-06T08:14:22.170315402Z /certs/client/cert.pem: OK
2025-05-06T08:14:22.181904911Z ip: can't find device 'ip_tables'
2025-05-06T08:14:22.184522730Z mount: permission denied (are you root?)
2025-05-06T08:14:22.184601217Z Could not mount /sys/kernel/security.

*********
$ docker login -u "$CI_REGISTRY_USER" -p "$CI_REGISTRY_PASSWORD" $CI_REGISTRY
error during connect: Post "https://docker:2376/v1.24/auth": dial tcp: lookup docker on 172.17.0.1:53: no such host
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-dockx509-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.dockX509,
    note: 'BuildKit output behind a TLS-inspecting proxy, docker:dind',
    text: String.raw`$ docker build -t "$CI_REGISTRY_IMAGE:$CI_COMMIT_SHORT_SHA" .
#0 building with "default" instance using docker driver

#1 [internal] load build definition from Dockerfile
#1 transferring dockerfile: 412B done
#1 DONE 0.0s

#2 [internal] load metadata for docker.io/library/node:20-alpine
#2 ERROR: failed to do request: Head "https://registry-1.docker.io/v2/library/node/manifests/20-alpine": tls: failed to verify certificate: x509: certificate signed by unknown authority
------
 > [internal] load metadata for docker.io/library/node:20-alpine:
------
ERROR: failed to solve: node:20-alpine: failed to resolve source metadata for docker.io/library/node:20-alpine
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-dockcgroup-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.dockCgroup,
    note: 'old dind service on a new host engine',
    text: String.raw`Starting service docker:19.03.12-dind ...
$ docker info --format '{{.ServerVersion}}'
19.03.12
$ docker build -t app:ci .
Sending build context to Docker daemon  2.961MB
Step 1/9 : FROM python:3.12-slim
 ---> 0d4c1b5e6a2f
Step 2/9 : RUN pip install --no-cache-dir poetry
 ---> Running in 51a0b2c3d4e5
cgroups: cgroup mountpoint does not exist: unknown
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-dockcgroup-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.dockCgroup,
    note: 'own words after a host upgrade',
    text: String.raw`Upgraded docker engine on the runner host to 20.10 and now our image builds die with some cgroup mountpoint error. The jobs still use docker:19.03 dind.`,
  },

  // ================================================================ Git over SSH / HTTP (ssh_troubleshooting, troubleshooting_git, lfs)
  {
    id: 'gl-sshpubkey-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.sshPubkey,
    note: 'git clone over SSH rejected',
    text: String.raw`PS C:\src> git clone git@gitlab.acme-corp.net:platform/billing-api.git
Cloning into 'billing-api'...
git@gitlab.acme-corp.net: Permission denied (publickey).
fatal: Could not read from remote repository.

Please make sure you have the correct access rights
and the repository exists.`,
  },
  {
    id: 'gl-sshpubkey-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.sshPubkey,
    note: 'own words, new machine',
    text: String.raw`New laptop. I generated an ed25519 key and pasted the .pub into my profile but git pull over ssh still says permission denied (publickey). ssh -T fails too.`,
  },
  {
    id: 'gl-sshpwprompt-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.sshPwPrompt,
    note: 'clone over SSH falls back to a password prompt',
    text: String.raw`$ git clone git@gitlab.intra.example:team/infra-modules.git
Cloning into 'infra-modules'...
git@gitlab.intra.example's password:
Permission denied, please try again.
git@gitlab.intra.example's password:`,
  },
  {
    id: 'gl-sshpwprompt-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.sshPwPrompt,
    note: 'own words; FIPS host',
    text: String.raw`git clone over ssh asks me for the git user's password, which nobody has. Key is added in my profile. The server runs RHEL in FIPS mode if that matters.`,
  },
  {
    id: 'gl-gitbrokenpipe-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.gitBrokenPipe,
    note: 'big push over SSH drops',
    text: String.raw`$ git push origin release/2.8
Enumerating objects: 48213, done.
Counting objects: 100% (48213/48213), done.
Delta compression using up to 8 threads
Compressing objects: 100% (17702/17702), done.
Writing objects:  37% (17820/48213), 91.02 MiB | 1.12 MiB/s
client_loop: send disconnect: Broken pipe
send-pack: unexpected disconnect while reading sideband packet
fatal: the remote end hung up unexpectedly`,
  },
  {
    id: 'gl-gitsshexch-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.gitSshExch,
    note: 'many parallel CI clones over SSH; newer OpenSSH wording',
    text: String.raw`Fetching changes with git depth set to 50...
Initialized empty Git repository in /builds/mobile/app-ios/.git/
Created fresh repository.
kex_exchange_identification: read: Connection reset by peer
Connection reset by 10.20.1.5 port 22
fatal: Could not read from remote repository.

Please make sure you have the correct access rights
and the repository exists.
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-gitsshexch-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.gitSshExch,
    note: 'own words, intermittent',
    text: String.raw`When ~40 jobs start at once and all fetch over ssh, a handful fail with ssh_exchange_identification errors. Retrying them works. Self-managed omnibus.`,
  },
  {
    id: 'gl-gittransfer-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.gitTransfer,
    note: 'clone of a large old repo over HTTPS',
    text: String.raw`$ git clone https://gitlab.example.org/legacy/monorepo.git
Cloning into 'monorepo'...
remote: Enumerating objects: 1904471, done.
remote: Counting objects: 100% (22019/22019), done.
error: RPC failed; curl 18 transfer closed with outstanding read data remaining
error: 4711 bytes of body are still expected
fetch-pack: unexpected disconnect while reading sideband packet
fatal: early EOF
fatal: fetch-pack: invalid index-pack output`,
  },
  {
    id: 'gl-gittransfer-truncated-1', corpus: GL, kind: 'truncated', set: 'holdout', expect: ID.gitTransfer,
    note: 'cut-off line from a chat message',
    text: String.raw`error: RPC failed; curl 18 transfer closed with outstanding read data rem`,
  },
  {
    id: 'gl-gitpwexpired-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.gitPwExpired,
    note: 'git fetch over SSH for an LDAP user',
    text: String.raw`jdoe@build01:~/work/payments$ git fetch origin
remote:
remote: ========================================================================
remote:
remote: Your password expired. Please access GitLab from a web browser to update your password.
remote:
remote: ========================================================================
remote:
fatal: Could not read from remote repository.`,
  },
  {
    id: 'gl-gitpwexpired-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.gitPwExpired,
    note: 'own words; LDAP/AD user, SSO',
    text: String.raw`One of our LDAP users gets "your password expired" when doing git fetch via ssh, but his AD password is fine and he signs in with SSO anyway. Self-managed 16.x.`,
  },
  {
    id: 'gl-lfsnotfound-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.lfsNotFound,
    note: 'git lfs pull',
    text: String.raw`$ git lfs pull
batch response: Repository or object not found: https://gitlab.example.org/design/brand-assets.git/info/lfs/objects/batch
Check that it exists and that you have proper access to it
Failed to fetch some objects from 'https://gitlab.example.org/design/brand-assets.git/info/lfs'`,
  },
  {
    id: 'gl-lfs501-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.lfs501,
    note: 'git push with LFS objects, server answers 501',
    text: String.raw`$ git push -u origin main
Uploading LFS objects:   0% (0/12), 0 B | 0 B/s, done.
batch request: Invalid status for POST https://git.corp-internal.net/games/level-data.git/info/lfs/objects/batch: 501
error: failed to push some refs to 'https://git.corp-internal.net/games/level-data.git'`,
  },
  {
    id: 'gl-lfs501-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.lfs501,
    note: 'own words',
    text: String.raw`git lfs push to our self hosted server keeps failing with a 501 status, normal git push of the same branch works. Client is git-lfs 3.4.`,
  },
  {
    id: 'gl-lfspointers-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.lfsPointers,
    note: 'git status after clone',
    text: String.raw`$ git status
Encountered 3 file(s) that should have been pointers, but weren't:
	art/logo-master.psd
	art/splash.psd
	audio/theme.wav
On branch main
Your branch is up to date with 'origin/main'.`,
  },
  {
    id: 'gl-lfspointers-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.lfsPointers,
    note: 'own words',
    text: String.raw`Fresh clone and git says a few .psd files were supposed to be LFS pointers but aren't, they always show as modified and I can't switch branches.`,
  },
  {
    id: 'gl-lfstimeout-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.lfsTimeout,
    note: 'LFS upload on a flaky VPN',
    text: String.raw`$ git push origin assets-q3
Uploading LFS objects:  41% (7/17), 220 MB | 1.3 MB/s
LFS: Put "https://gitlab.studio.example/art/cinematics.git/gitlab-lfs/objects/6f1e0c5a3b2d49e8a7c4f0b9d1e2a3c4b5d6e7f8091a2b3c4d5e6f708192a3b4/104857600": read tcp 192.168.5.20:51312->10.1.1.8:443: i/o timeout
error: failed to push some refs to 'https://gitlab.studio.example/art/cinematics.git'`,
  },

  // ================================================================ Git authentication (2FA, Kerberos)
  {
    id: 'gl-tfabasic-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.tfaBasic,
    note: 'push over HTTPS with account password after enabling 2FA',
    text: String.raw`$ git push origin feature/rate-limits
Username for 'https://gitlab.com': m.okafor
Password for 'https://m.okafor@gitlab.com':
remote: HTTP Basic: Access denied. If a password was provided for Git authentication, the password was incorrect or you're required to use a token instead of a password. If a token was provided, it was either incorrect, expired, or improperly scoped.
fatal: Authentication failed for 'https://gitlab.com/acme-pay/rate-service.git/'`,
  },
  {
    id: 'gl-tfabasic-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.tfaBasic,
    note: 'own words; 2FA abbreviation',
    text: String.raw`turned on 2fa yesterday and now git over https rejects my password with HTTP Basic access denied. ssh still works. what do I use instead of the password?`,
  },
  {
    id: 'gl-krbbasic-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.krbBasic,
    note: 'Kerberos clone URL with empty credentials, short HTTP Basic message (near-miss of the 2FA one)',
    text: String.raw`C:\work> git clone https://:@gitlab.corp.local:8443/infra/ansible-roles.git
Cloning into 'ansible-roles'...
remote: HTTP Basic: Access denied
fatal: Authentication failed for 'https://:@gitlab.corp.local:8443/infra/ansible-roles.git/'`,
  },
  {
    id: 'gl-krbbasic-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.krbBasic,
    note: 'own words; kerberos/SPNEGO',
    text: String.raw`Kerberos (SPNEGO) clone from a domain-joined Windwos box with git 2.43 fails with "HTTP Basic: Access denied", although single sign-on in the browser works fine.`,
  },
  {
    id: 'gl-tfapin-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.tfaPin,
    note: 'own words',
    text: String.raw`Every code from my authenticater app is rejected as an invalid pin code when I sign in. My phone clock is set by hand because of travel.`,
  },

  // ================================================================ CI jobs (job_troubleshooting)
  {
    id: 'gl-jobdownload-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.jobDownload,
    note: 'runner log of a protected manual job started by an admin',
    text: String.raw`Running with gitlab-runner 16.11.0 (91a27b2a)
  on deploy-runner-01 Zq8vX2c1, system ID: r_91c0a7d2e3f4
Getting source from Git repository
Fetching changes with git depth set to 20...
Reinitialized existing Git repository in /builds/finance/ledger/.git/
remote: You are not allowed to download code from this project.
fatal: unable to access 'https://gitlab.fin.example/finance/ledger.git/': The requested URL returned error: 403
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-jobdownload-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.jobDownload,
    note: 'own words',
    text: String.raw`As instance admin I ran a protected manual deploy job in a private project I'm not a member of, and it fails at the git fetch with a 403. Devs who are members can run it.`,
  },
  {
    id: 'gl-jobintegrity-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.jobIntegrity,
    note: 'sidekiq JSON log lines after an upgrade, job dropped with the failure reason',
    text: String.raw`{"severity":"INFO","time":"2025-09-02T07:41:10.118Z","class":"Ci::InitialPipelineProcessWorker","job_status":"start","jid":"5c0d9a1e7b2f3c4d5e6f7a8b"}
{"severity":"ERROR","time":"2025-09-02T07:41:10.402Z","class":"Ci::CreateDownstreamPipelineWorker","jid":"8e7d6c5b4a39281706f5e4d3","exception.class":"ActiveRecord::RecordNotUnique","exception.message":"PG::UniqueViolation: ERROR:  duplicate key value violates unique constraint \"p_ci_builds_pkey\""}
{"severity":"INFO","time":"2025-09-02T07:41:10.433Z","message":"build dropped","build_id":7719204,"failure_reason":"data_integrity_failure","project_id":412}`,
  },
  {
    id: 'gl-jobmanual-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.jobManual,
    note: 'job page text copied: manual job with Run disabled',
    text: String.raw`deploy:production
Manual  Created 12 minutes ago by Priya Natarajan

This job requires manual intervention to start.
You are not authorized to run this manual job
Environment: production (protected)

Run job`,
  },
  {
    id: 'gl-jobhttp2-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.jobHttp2,
    note: 'get_sources fails with curl 16',
    text: String.raw`Getting source from Git repository
Fetching changes with git depth set to 50...
Reinitialized existing Git repository in /builds/web/storefront/.git/
error: RPC failed; curl 16 HTTP/2 send again with decreased length
fatal: expected flush after ref listing
Cleaning up project directory and file based variables
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-jobhttp2-terse-1', corpus: GL, kind: 'terse', set: 'dev', expect: ID.jobHttp2,
    note: 'search-box words',
    text: String.raw`runner git fetch curl 16 http2 send again with decreased length`,
  },
  {
    id: 'gl-jobdropped-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.jobDropped,
    note: 'own words with the failure reason identifier',
    text: String.raw`Our jobs sit in pending for an hour and then get dropped with stuck_pending_no_matching_runners. The only runner we have is tagged "docker". Why is it dropped instead of waiting?`,
  },
  {
    id: 'gl-jobinvalid-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.jobInvalid,
    note: 'pipeline editor validation banner, quoted variable in rules:if',
    text: String.raw`This GitLab CI configuration is invalid: jobs:deploy-prod:rules:rule if invalid expression syntax
Learn more
Lint   Validate   Visualize   Full configuration`,
  },

  // ================================================================ CI configuration and pipelines (debugging, variables, downstream, MR pipelines)
  {
    id: 'gl-yamlbig-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.yamlBig,
    note: 'pipelines page error after a run attempt',
    text: String.raw`Pipeline cannot be run.
The parsed YAML is too big
Run pipeline`,
  },
  {
    id: 'gl-yamlbig-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.yamlBig,
    note: 'own words',
    text: String.raw`Our monorepo config includes ~60 templates and the pipeline won't start any more, it just says the yaml is too big. Can the limit be raised on self-managed?`,
  },
  {
    id: 'gl-matrix-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.matrix,
    note: 'CI lint result: !reference tags inside parallel:matrix',
    text: String.raw`Status: Syntax is incorrect
This GitLab CI configuration is invalid: jobs:integration-tests:parallel:matrix config should be an array of hashes.`,
  },
  {
    id: 'gl-inclnotfound-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.inclNotFound,
    note: 'pipeline editor error with include:project',
    text: String.raw`Unable to create pipeline
Project ` + '`' + String.raw`platform/ci-templates/templates` + '`' + String.raw` not found or access denied! Make sure any includes in the pipeline configuration are correctly defined.`,
  },
  {
    id: 'gl-bom-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.bom,
    note: 'own words; the user does not know about the BOM',
    text: String.raw`Since a colleague edited .gitlab-ci.yml in Notepad on Windows, half our jobs are missing from the pipeline and one variable has a weird value. The lint says the file is valid.`,
  },
  {
    id: 'gl-arglong-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.argLong,
    note: 'job container cannot start: too many/too large variables',
    text: String.raw`Preparing the "docker" executor
Using Docker executor with image alpine:3.20 ...
Pulling docker image alpine:3.20 ...
Preparing environment
ERROR: Job failed (system failure): Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "sh": argument list too long: unknown`,
  },
  {
    id: 'gl-insuffvars-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.insuffVars,
    note: 'trigger job status text',
    text: String.raw`trigger-deploy
Failed - (downstream pipeline can not be created, Insufficient permissions to set pipeline variables)
Retry`,
  },
  {
    id: 'gl-refamb-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.refAmb,
    note: 'own words with the short message',
    text: String.raw`Triggering the downstream project with the tag v2.4.0 fails, "Ref is ambiguous". There's also a branch called v2.4.0 in that project.`,
  },
  {
    id: 'gl-art403-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.art403,
    note: 'child job fetches an upstream artifact with the job token',
    text: String.raw`$ curl --fail --location --header "JOB-TOKEN: $CI_JOB_TOKEN" --output build.zip "$CI_API_V4_URL/projects/1187/jobs/artifacts/main/download?job=package"
  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current
                                 Dload  Upload   Total   Spent    Left  Speed
  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0
curl: (22) The requested URL returned error: 403
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-needsstr-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.needsStr,
    note: 'child pipeline creation error',
    text: String.raw`Unable to run pipeline

- jobs:integration:needs:need pipeline should be a string`,
  },
  {
    id: 'gl-mrrun-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.mrRun,
    note: 'own words around the message',
    text: String.raw`Clicking "Run pipeline" on the MR's pipelines tab just shows an error that it couldn't run a new pipeline for this merge request. We removed the merge_request_event rules last week.`,
  },

  // ================================================================ Backup, packages, Docker install (administration)
  {
    id: 'gl-bkgzip-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.bkGzip,
    note: 'gitlab-backup create to an NFS mount',
    text: String.raw`[root@git01 ~]# gitlab-backup create STRATEGY=copy
2025-03-11 01:00:04 UTC -- Dumping database ...
Dumping PostgreSQL database gitlabhq_production ... [DONE]
2025-03-11 01:06:51 UTC -- Dumping database ... done
2025-03-11 01:06:51 UTC -- Dumping repositories ...
gzip: stdout: Input/output error
2025-03-11 02:14:09 UTC -- Backup failed`,
  },
  {
    id: 'gl-bkgzip-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.bkGzip,
    note: 'own words; NFS mount options',
    text: String.raw`nightly gitlab backup to our NFS share stopped finishing, it ends with a gzip input/output error. We lowered the nfs timeout mount option recently, disk has 2 TB free.`,
  },
  {
    id: 'gl-bkpgstat-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.bkPgStat,
    note: 'restore output on a fresh server',
    text: String.raw`root@git-restore:~# gitlab-backup restore BACKUP=1741654804_2025_03_11_17.9.2
Unpacking backup ... done
Restoring database ...
Restoring PostgreSQL database gitlabhq_production ...
ERROR:  permission denied to create extension "pg_stat_statements"
HINT:  Must be superuser to create this extension.
ERROR:  extension "pg_stat_statements" does not exist
[DONE]`,
  },
  {
    id: 'gl-rpminst-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.rpmInst,
    note: 'switching CE to EE with rpm',
    text: String.raw`[root@gitlab ~]# rpm -Uvh gitlab-ee-16.11.4-ee.0.el8.x86_64.rpm
warning: gitlab-ee-16.11.4-ee.0.el8.x86_64.rpm: Header V4 RSA/SHA256 Signature, key ID 3cfcf9ba: NOKEY
Verifying...                          ################################# [100%]
Preparing...                          ################################# [100%]
	package gitlab-ce-16.11.4-ce.0.el8.x86_64 (which is newer than gitlab-ee-16.11.4-ee.0.el8.x86_64) is already installed`,
  },
  {
    id: 'gl-obsoleted-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.obsoleted,
    note: 'yum localinstall of EE over CE',
    text: String.raw`# yum localinstall gitlab-ee-15.11.13-ee.0.el7.x86_64.rpm
Loaded plugins: fastestmirror
Examining gitlab-ee-15.11.13-ee.0.el7.x86_64.rpm: gitlab-ee-15.11.13-ee.0.el7.x86_64
Cannot install package gitlab-ee-15.11.13-ee.0.el7.x86_64. It is obsoleted by installed package gitlab-ce-15.11.13-ce.0.el7.x86_64
Nothing to do`,
  },
  {
    id: 'gl-aptsig-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.aptSig,
    note: 'apt-get update with an expired repository key',
    text: String.raw`$ sudo apt-get update
Hit:1 http://archive.ubuntu.com/ubuntu jammy InRelease
Get:2 https://packages.gitlab.com/gitlab/gitlab-ee/ubuntu jammy InRelease [23.4 kB]
Err:2 https://packages.gitlab.com/gitlab/gitlab-ee/ubuntu jammy InRelease
  The following signatures were invalid: EXPKEYSIG 3F01618A51312F3F GitLab B.V. (package repository signing key) <packages@gitlab.com>
Reading package lists... Done
W: An error occurred during the signature verification. The repository is not updated and the previous index files will be used.`,
  },
  {
    id: 'gl-migtimeout-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.migTimeout,
    note: 'reconfigure during an upgrade, migrations over an hour',
    text: String.raw`Running handlers:
There was an error running gitlab-ctl reconfigure:

rails_migration[gitlab-rails] (gitlab::database_migrations line 51) had an error: Mixlib::ShellOut::CommandTimeout: bash_hide_env[migrate gitlab-rails database] (/opt/gitlab/embedded/cookbooks/cache/cookbooks/gitlab/resources/rails_migration.rb line 16) had an error: Mixlib::ShellOut::CommandTimeout: Command timed out after 3600s:

Running handlers complete
Infra Phase failed. 612 resources updated in 01 hours 04 minutes 17 seconds`,
  },
  {
    id: 'gl-migtimeout-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.migTimeout,
    note: 'own words',
    text: String.raw`apt upgrade of our omnibus install died in reconfigure after exactly one hour, "Command timed out after 3600s" on the rails db migration. Big instance, ~9k projects. How do I finish the upgrade?`,
  },
  {
    id: 'gl-shm-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.shm,
    note: 'docker logs of the GitLab container',
    text: String.raw`==> /var/log/gitlab/sidekiq/current <==
2025-06-18_10:02:11.51201 {"severity":"INFO","time":"2025-06-18T10:02:11.511Z","message":"A worker terminated, shutting down the cluster"}
2025-06-18_10:02:14.00310 writing value to /dev/shm/gitlab/sidekiq/histogram_sidekiq_3-0.db failed with unmapped file
2025-06-18_10:02:14.00322 writing value to /dev/shm/gitlab/sidekiq/histogram_sidekiq_3-0.db failed with unmapped file
2025-06-18_10:02:14.00419 writing value to /dev/shm/gitlab/sidekiq/counter_sidekiq_3-0.db failed with unmapped file`,
  },
  {
    id: 'gl-thread-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.thread,
    note: 'container fails to boot on an old Docker host',
    text: String.raw`$ docker logs gitlab --tail 20
Thank you for using GitLab Docker Image!
Current version: gitlab-ce=17.2.1-ce.0
...
Recipe: gitlab::default
  * directory[/etc/gitlab] action create (up to date)
/opt/gitlab/embedded/lib/ruby/gems/3.1.0/gems/chef-18.3.0/lib/chef/client.rb:123:in 'initialize': can't create Thread: Operation not permitted (ThreadError)`,
  },
  {
    id: 'gl-thread-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.thread,
    note: 'own words; old docker on the host',
    text: String.raw`gitlab docker image 16.x won't start on our CentOS 7 host (docker 19.03), it crashes with ThreadError cant create thread operation not permitted. 15.11 image ran fine.`,
  },
  {
    id: 'gl-bufover-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.bufOver,
    note: 'container restart loop',
    text: String.raw`$ docker compose up gitlab
gitlab-1  | Thank you for using GitLab Docker Image!
gitlab-1  | Current version: gitlab-ee=16.8.2-ee.0
gitlab-1  | Configuring GitLab...
gitlab-1  | *** buffer overflow detected ***: terminated
gitlab-1  | xargs: tail: terminated by signal 6
gitlab-1 exited with code 134`,
  },

  // ================================================================ TLS on the server and clients (ssl)
  {
    id: 'gl-x509mismatch-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.x509Mismatch,
    note: 'gitlab-ctl reconfigure / nginx error log after a certificate change',
    text: String.raw`==> /var/log/gitlab/nginx/error.log <==
2025/04/02 07:15:40 [emerg] 3921#0: SSL_CTX_use_PrivateKey("/etc/gitlab/ssl/git.acme.example.key") failed (SSL: error:0B080074:x509 certificate routines:X509_check_private_key:key values mismatch)`,
  },
  {
    id: 'gl-x509mismatch-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.x509Mismatch,
    note: 'own words',
    text: String.raw`Renewed our cert with the new chain bundle and nginx in omnibus refuses to start, says the key values mismatch. I'm fairly sure I copied the right .key`,
  },
  {
    id: 'gl-wrongver-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.wrongVer,
    note: 'exceptions_json.log line, object storage on plain HTTP',
    text: String.raw`{"severity":"ERROR","time":"2025-01-14T16:20:07.339Z","correlation_id":"01JHF4ZK3Q8W6VQ2M8B0T9YRN5","exception.class":"Excon::Error::Socket","exception.message":"SSL_connect returned=1 errno=0 peeraddr=10.8.0.31:9000 state=error: wrong version number (OpenSSL::SSL::SSLError)","exception.backtrace":["lib/gitlab/object_storage/direct_upload.rb:52"]}`,
  },
  {
    id: 'gl-schannel-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.schannel,
    note: 'Git for Windows behind a corporate CA',
    text: String.raw`PS C:\Users\lmeier\source> git clone https://git.contoso-intra.de/tools/build-scripts.git
Cloning into 'build-scripts'...
fatal: unable to access 'https://git.contoso-intra.de/tools/build-scripts.git/': schannel: SEC_E_UNTRUSTED_ROOT (0x80090325) - The certificate chain was issued by an authority that is not trusted.`,
  },
  {
    id: 'gl-selfsigned-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.selfSigned,
    note: 'git clone against an internal CA from Linux',
    text: String.raw`$ git clone https://gitlab.lab.internal/qa/fixtures.git
Cloning into 'fixtures'...
fatal: unable to access 'https://gitlab.lab.internal/qa/fixtures.git/': SSL certificate problem: self-signed certificate in certificate chain`,
  },
  {
    id: 'gl-selfsigned-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.selfSigned,
    note: 'own words, abbreviation',
    text: String.raw`Our gitlab uses a cert from the internal CA and git clone over https fails on dev machines with "server certificate verification failed". What's the right way to trust it in git?`,
  },

  // ================================================================ PostgreSQL, Patroni, Geo replication
  {
    id: 'gl-geoshmem-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.geoShmem,
    note: 'Patroni log on a Geo secondary with less RAM',
    text: String.raw`==> /var/log/gitlab/patroni/current <==
2025-08-19_04:12:55.20114 2025-08-19 04:12:55,200 INFO: starting as a secondary
2025-08-19_04:12:55.84410 FATAL:  could not map anonymous shared memory: Cannot allocate memory
2025-08-19_04:12:55.84412 HINT:  This error usually means that PostgreSQL's request for a shared memory segment exceeded available memory, swap space, or huge pages. To reduce the request size (currently 34359738368 bytes), reduce PostgreSQL's shared memory usage, perhaps by reducing shared_buffers or max_connections.
2025-08-19_04:12:56.01032 2025-08-19 04:12:56,010 INFO: postmaster pid=18443`,
  },
  {
    id: 'gl-geocidr-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.geoCidr,
    note: 'postgresql/current after editing md5_auth_cidr_addresses',
    text: String.raw`==> /var/log/gitlab/postgresql/current <==
2025-02-27_13:40:02.71833 LOG:  received SIGHUP, reloading configuration files
2025-02-27_13:40:02.71901 LOG:  invalid CIDR mask in address "10.40.12.7/"
2025-02-27_13:40:02.71903 CONTEXT:  line 81 of configuration file "/var/opt/gitlab/postgresql/data/pg_hba.conf"
2025-02-27_13:40:02.71910 LOG:  pg_hba.conf was not reloaded`,
  },
  {
    id: 'gl-georecovery-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.geoRecovery,
    note: 'Geo secondary Sidekiq log, query cancelled on the replica',
    text: String.raw`{"severity":"ERROR","time":"2025-07-07T22:03:41.552Z","class":"Geo::VerificationBatchWorker","jid":"b1f2e3d4c5a697887766aa55","exception.class":"ActiveRecord::QueryCanceled","exception.message":"PG::QueryCanceled: ERROR:  canceling statement due to conflict with recovery\nDETAIL:  User query might have needed to see row versions that must be removed.","db_config_name":"main_replica"}`,
  },
  {
    id: 'gl-geoslots-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.geoSlots,
    note: 'replicate-geo-database output',
    text: String.raw`root@geo-sec-01:~# gitlab-ctl replicate-geo-database --slot-name=geo_sec_eu --host=10.1.0.15 --sslmode=verify-ca
* Executing GitLab backup task to prepare database for replication
...
* Creating replication slot geo_sec_eu on the primary
ERROR:  replication slots can only be used if max_replication_slots > 0
Replication slot could not be created. Exiting.`,
  },
  {
    id: 'gl-wraparound-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.wraparound,
    note: 'gitlab-psql session refused',
    text: String.raw`gitlabhq_production=# UPDATE application_settings SET updated_at = now();
ERROR:  database is not accepting commands to avoid wraparound data loss in database "gitlabhq_production"
HINT:  Stop the postmaster and vacuum that database in single-user mode.
You might also need to commit or roll back old prepared transactions, or drop stale replication slots.`,
  },
  {
    id: 'gl-wraparound-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.wraparound,
    note: 'own words; abbreviation db',
    text: String.raw`Our gitlab db suddenly went read-only, every write fails with something about wraparound data loss. autovacuum seems to have been stuck for weeks. Omnibus with bundled postgres 14.`,
  },
  {
    id: 'gl-pgrefused-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.pgRefused,
    note: 'puma/sidekiq failing to get connections: too many clients',
    text: String.raw`==> /var/log/gitlab/gitlab-rails/exceptions_json.log <==
{"severity":"ERROR","time":"2025-11-03T09:12:44.017Z","correlation_id":"01JBX2W7C5N8Q0J4R6T9V1Y3ZA","exception.class":"ActiveRecord::ConnectionNotEstablished","exception.message":"connection to server on socket \"/var/opt/gitlab/postgresql/.s.PGSQL.5432\" failed: FATAL:  sorry, too many clients already\n"}`,
  },
  {
    id: 'gl-pgbouncer-stack-1', corpus: GL, kind: 'stack-trace', set: 'dev', expect: ID.pgbouncer,
    note: 'rake task through PgBouncer, new PgBouncer node',
    text: String.raw`# gitlab-rake gitlab:db:configure
rake aborted!
ActiveRecord::ConnectionNotEstablished: PG::ConnectionBad: ERROR:  pgbouncer cannot connect to server
/opt/gitlab/embedded/service/gitlab-rails/lib/tasks/gitlab/db.rake:118:in 'block (3 levels) in <top (required)>'
/opt/gitlab/embedded/bin/bundle:25:in 'load'
/opt/gitlab/embedded/bin/bundle:25:in '<main>'

Caused by:
PG::ConnectionBad: ERROR:  pgbouncer cannot connect to server
Tasks: TOP => gitlab:db:configure
(See full trace by running task with --trace)`,
  },
  {
    id: 'gl-pgbouncer-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.pgbouncer,
    note: 'own words with the log line the user found',
    text: String.raw`added a 3rd pgbouncer node and it can't connect to the db server. the postgres log on the leader complains there's no pg_hba.conf entry for that host (10.12.0.44).`,
  },
  {
    id: 'gl-walahead-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.walAhead,
    note: 'Patroni log of a replica that never replicated',
    text: String.raw`2025-04-08_11:22:03.90211 2025-04-08 11:22:03,901 INFO: no action. I am (pg-db-3), a secondary, and following a leader (pg-db-1)
2025-04-08_11:22:04.10855 FATAL:  could not receive data from WAL stream: ERROR:  requested starting point 1/A2000000 is ahead of the WAL flush position of this server 1/9F7E5210
2025-04-08_11:22:09.11730 FATAL:  could not receive data from WAL stream: ERROR:  requested starting point 1/A2000000 is ahead of the WAL flush position of this server 1/9F7E5210`,
  },

  // ================================================================ Container registry (administration and user docs)
  {
    id: 'gl-regmig-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.regMig,
    note: 'registry service restart loop after an upgrade',
    text: String.raw`root@git01:~# gitlab-ctl tail registry
==> /var/log/gitlab/registry/current <==
2025-09-16_08:30:12.04418 time="2025-09-16T08:30:12.044Z" level=info msg="starting registry" version=v4.21.0-gitlab
2025-09-16_08:30:12.31590 FATA[0000] configuring application: there are pending database migrations, use the 'registry database migrate' CLI command to check and apply them
2025-09-16_08:30:13.40021 time="2025-09-16T08:30:13.400Z" level=info msg="starting registry" version=v4.21.0-gitlab`,
  },
  {
    id: 'gl-reglock-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.regLock,
    note: 'import run a second time',
    text: String.raw`# /opt/gitlab/embedded/bin/registry database import --step-two /var/opt/gitlab/registry/config.yml
|  [0s] step two: import tags
|  [0s] step two: import tags failed to import metadata: importing all repositories: 1 error occurred:
	* could not restore lockfiles: database-in-use lockfile exists`,
  },
  {
    id: 'gl-regschema-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.regSchema,
    note: 'registry migrations against PostgreSQL 16',
    text: String.raw`$ sudo gitlab-ctl registry-database migrate up
applying migration 20220729143447_create_manifests_table
ERRO[0000] failed to run database migrations              error="ERROR: permission denied for schema public (SQLSTATE 42501)"
0 migrations applied`,
  },
  {
    id: 'gl-untrusted-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.untrustedKey,
    note: 'docker login plus the registry log line the admin found',
    text: String.raw`$ docker login registry.gitlab.acme.io
Username: build-bot
Password:
Error response from daemon: login attempt to https://registry.gitlab.acme.io/v2/ failed with status: 401 Unauthorized

# tail /var/log/gitlab/registry/current
time="2025-06-02T14:09:55Z" level=info msg="token signed by untrusted key with ID: \"Q3XR:M2KD:7HJA:WQ4E:PZ6B:UL3S:Y8VN:T1CG:K5FO:D9RI:E2LM:N7XB\""
time="2025-06-02T14:09:55Z" level=warning msg="error authorizing context: invalid token"`,
  },
  {
    id: 'gl-untrusted-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.untrustedKey,
    note: 'own words after a restore to a new server',
    text: String.raw`After moving gitlab to a new VM, docker login to our registry always returns 401 although the password is right. Registry log mentions a token signed by an untrusted key.`,
  },
  {
    id: 'gl-regkey-stack-1', corpus: GL, kind: 'stack-trace', set: 'dev', expect: ID.regKey,
    note: 'Sidekiq project deletion failing after the registry was disabled',
    text: String.raw`Errno::ENOENT: No such file or directory @ rb_sysopen - /var/opt/gitlab/gitlab-rails/etc/gitlab-registry.key
  /opt/gitlab/embedded/service/gitlab-rails/lib/json_web_token/rsa_token.rb:18:in 'read'
  /opt/gitlab/embedded/service/gitlab-rails/lib/json_web_token/rsa_token.rb:18:in 'key_data'
  /opt/gitlab/embedded/service/gitlab-rails/app/services/auth/container_registry_authentication_service.rb:43:in 'full_access_token'
  /opt/gitlab/embedded/service/gitlab-rails/app/services/projects/destroy_service.rb:241:in 'remove_registry_tags'`,
  },
  {
    id: 'gl-regipv6-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.regIpv6,
    note: 'nginx registry error log: upstream on ::1 (near-miss of the Pages IPv6 problem)',
    text: String.raw`==> /var/log/gitlab/nginx/gitlab_registry_error.log <==
2025/07/21 09:44:02 [error] 2210#0: *88314 connect() failed (111: Connection refused) while connecting to upstream, client: 10.30.4.19, server: registry.build.example, request: "GET /v2/ HTTP/1.1", upstream: "http://[::1]:5000/v2/", host: "registry.build.example:5050"`,
  },
  {
    id: 'gl-s3chunk-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.s3Chunk,
    note: 'registry log while pushing a large image to S3-backed storage',
    text: String.raw`2025-03-03_17:25:40.77120 time="2025-03-03T17:25:40.771Z" level=info msg="authorized request" go.version=go1.22.5 http.request.method=PATCH http.request.uri="/v2/ml/trainer/blobs/uploads/1f0c6b8e-44d2-4b7e-9f3a-2c1d0e9b8a77"
2025-03-03_17:27:12.04455 time="2025-03-03T17:27:12.044Z" level=error msg="response completed with error" err.code=unknown err.detail="unexpected EOF" err.message="unknown error" http.request.method=PATCH http.response.status=500`,
  },
  {
    id: 'gl-blobunknown-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.blobUnknown,
    note: 'docker manifest push with per-arch images in different repositories',
    text: String.raw`$ docker manifest create registry.gitlab.com/acme/api:2.3.0 \
    registry.gitlab.com/acme/api-amd64:2.3.0 registry.gitlab.com/acme/api-arm64:2.3.0
Created manifest list registry.gitlab.com/acme/api:2.3.0
$ docker manifest push registry.gitlab.com/acme/api:2.3.0
manifest blob unknown: blob unknown to registry`,
  },
  {
    id: 'gl-ocimanifest-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.ociManifest,
    note: 'own words with the log phrase',
    text: String.raw`Our old deploy tool can't pull images we now build with buildah; the registry log says something about an OCI manifest and the accept header. docker pull works.`,
  },

  // ================================================================ GitLab Pages (administration)
  {
    id: 'gl-pagescookie-browser-1', corpus: GL, kind: 'browser', set: 'dev', expect: ID.pagesCookie,
    note: 'Pages access-control site returns 500; the admin adds the log lines',
    text: String.raw`500
Whoops, something went wrong on our end.
Try refreshing the page, or going back and attempting the action again.
Please contact your GitLab administrator if this problem persists.

gitlab-pages log:
{"error":"securecookie: failed to generate random iv","level":"error","msg":"failed to save the session","time":"2025-02-12T10:41:07Z"}`,
  },
  {
    id: 'gl-httprange-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.httprange,
    note: 'gitlab-pages JSON log on a separate Pages server with NFS',
    text: String.raw`{"host":"docs.pages.corp.example","level":"info","msg":"access","path":"/","status":500,"time":"2025-04-23T12:00:41Z"}
{"error":"httprange: new resource 403: \"403 Forbidden\"","host":"docs.pages.corp.example","level":"error","msg":"vfs.Root","path":"/handbook/","time":"2025-04-23T12:00:41Z"}`,
  },
  {
    id: 'gl-unknownclient-browser-1', corpus: GL, kind: 'browser', set: 'dev', expect: ID.unknownClient,
    note: 'OAuth error page when opening an access-controlled Pages site',
    text: String.raw`An error has occurred
Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.
https://gitlab.example.net/oauth/authorize?client_id=4f2c0c1e8d...&redirect_uri=https%3A%2F%2Fprojects.pages.example.net%2Fauth&response_type=code&state=kY2n`,
  },
  {
    id: 'gl-unknownclient-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.unknownClient,
    note: 'own words after restoring secrets',
    text: String.raw`after we restored gitlab-secrets.json from an older backup, opening any private pages site ends on a 503 "unknown client" oauth error. Public pages sites load fine.`,
  },
  {
    id: 'gl-provider-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.provider,
    note: 'pages:deploy job fails',
    text: String.raw`pages:deploy
Status: failed
ArgumentError: is not a recognized provider`,
  },
  {
    id: 'gl-pagesapi-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.pagesApi,
    note: 'gitlab-pages log on a separate server, secrets not copied',
    text: String.raw`==> /var/log/gitlab/gitlab-pages/current <==
2025-10-09_15:03:22.10442 {"level":"info","msg":"GitLab Pages Daemon","revision":"7c0f1d2","version":"17.4.1","time":"2025-10-09T15:03:22Z"}
2025-10-09_15:03:32.61018 {"error":"failed to connect to internal Pages API: HTTP status: 401","level":"error","msg":"Failed to connect to the internal GitLab API after 0.50s","time":"2025-10-09T15:03:32Z"}`,
  },
  {
    id: 'gl-pagesipv6-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.pagesIpv6,
    note: 'Pages NGINX error log, upstream ::1 (near-miss of the registry IPv6 problem)',
    text: String.raw`==> /var/log/gitlab/nginx/gitlab_pages_error.log <==
2025/05/14 08:19:53 [error] 4410#0: *120388 connect() failed (111: Connection refused) while connecting to upstream, client: 198.51.100.77, server: ~^(?<group>.*)\.pages\.acme\.dev$, request: "GET /handbook/ HTTP/1.1", upstream: "http://[::1]:8090/handbook/", host: "team.pages.acme.dev"`,
  },
  {
    id: 'gl-pagesnoexec-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.pagesNoexec,
    note: 'Pages daemon fatal on a CIS-hardened host',
    text: String.raw`2025-01-20_06:00:03.55102 {"level":"info","msg":"starting the pages daemon","time":"2025-01-20T06:00:03Z"}
2025-01-20_06:00:03.55891 {"error":"fork/exec /gitlab-pages: permission denied","level":"fatal","msg":"could not create pages daemon","time":"2025-01-20T06:00:03Z"}`,
  },

  // ================================================================ Advanced search (Elasticsearch / OpenSearch)
  {
    id: 'gl-es429-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.es429,
    note: 'sidekiq JSON: indexer worker failing under load',
    text: String.raw`{"severity":"ERROR","time":"2025-06-30T03:12:09.880Z","class":"Search::Elastic::CommitIndexerWorker","args":["2291","false"],"jid":"0a9b8c7d6e5f4a3b2c1d0e9f","job_status":"fail","error_message":"error: elastic: Error 429 (Too Many Requests): rejected execution of coordinating operation","error_class":"Gitlab::Elastic::Indexer::Error"}`,
  },
  {
    id: 'gl-esclauses-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.esClauses,
    note: 'production_json.log, search request failing',
    text: String.raw`{"method":"GET","path":"/search","format":"html","controller":"SearchController","action":"show","status":500,"time":"2025-08-04T11:27:36.412Z","params":[{"key":"search","value":"[FILTERED]"},{"key":"scope","value":"blobs"}],"exception.class":"Elasticsearch::Transport::Transport::Errors::BadRequest","exception.message":"[400] {\"error\":{\"root_cause\":[{\"type\":\"too_many_clauses\",\"reason\":\"maxClauseCount is set to 1024\"}]}}"}`,
  },
  {
    id: 'gl-esflood-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.esFlood,
    note: 'rake task and the indexing error',
    text: String.raw`$ sudo gitlab-rake gitlab:elastic:info
Advanced Search
Server version:          8.11.3
Indexing enabled:        yes
...
Indexing errors (last 24h): 1,882
  cluster_block_exception: index [gitlab-production-issues] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];`,
  },
  {
    id: 'gl-es413-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.es413,
    note: 'sidekiq error with the 413 from AWS OpenSearch',
    text: String.raw`{"severity":"ERROR","time":"2025-02-18T19:44:02.003Z","class":"ElasticIndexBulkCronWorker","jid":"ff01ee02dd03cc04bb05aa06","message":"bulk indexing failed","exception.class":"Elasticsearch::Transport::Transport::Errors::RequestEntityTooLarge","exception.message":"[413] {\"Message\":\"Request size exceeded 104857600 bytes\"}"}`,
  },
  {
    id: 'gl-eshealth-truncated-1', corpus: GL, kind: 'truncated', set: 'dev', expect: ID.esHealth,
    note: 'partial indexer error copied from the admin UI',
    text: String.raw`Gitlab::Elastic::Indexer::Error: time="2025-03-09T02:10:44Z" level=fatal msg="health check timeout: no Elasticsearch no`,
  },
  {
    id: 'gl-esfaraday-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.esFaraday,
    note: 'own words; proxy in the environment',
    text: String.raw`Advanced search migrations keep failing with a Faraday timeout. Our servers reach the internet through a proxy set via http_proxy; the ES cluster is internal.`,
  },
  {
    id: 'gl-esanon-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.esAnon,
    note: 'sidekiq log with AWS OpenSearch access policy error',
    text: String.raw`{"severity":"ERROR","time":"2025-12-02T08:00:15.114Z","class":"Elastic::MigrationWorker","message":"Elasticsearch::Transport::Transport::Errors::Forbidden","exception.message":"[403] {\"Message\":\"User: anonymous is not authorized to perform: es:ESHttpGet because no resource-based policy allows the es:ESHttpGet action\"}"}`,
  },

  // ================================================================ Jira, webhooks, Slack
  {
    id: 'gl-jiracert-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.jiraCert,
    note: 'Test settings result in the Jira integration form',
    text: String.raw`Jira issues
Connection failed. Check your integration settings. SSL_connect returned=1 errno=0 peeraddr=172.20.9.14:443 state=error: certificate verify failed (unable to get local issuer certificate)
Test settings   Save changes   Cancel`,
  },
  {
    id: 'gl-jiracaptcha-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.jiraCaptcha,
    note: 'own words; 401 when testing',
    text: String.raw`The Jira integration test suddenly returns 401 Unauthorized. Someone tried the service account's password a few times wrong yesterday; the token hasn't changed.`,
  },
  {
    id: 'gl-jira500-browser-1', corpus: GL, kind: 'browser', set: 'dev', expect: ID.jira500,
    note: 'issue view 500 plus the production.log line',
    text: String.raw`500: We're sorry, something went wrong on our end
Request ID: 01JD8S4VG6M1XQK2T3B7N5C9EH

production.log:
NoMethodError (undefined method 'duedate' for #<JIRA::Resource::Issue:0x00007f1c2b9d4e88>)`,
  },
  {
    id: 'gl-dvcssync-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.dvcsSync,
    note: 'Jira DVCS connector log: MR feature disabled in the project',
    text: String.raw`2025-03-21 14:02:51,118+0000 DVCSConnector.SyncWorker ERROR [c.a.j.p.dvcs.sync] Sync Failed for repository 'apps/checkout'
Failed to execute request [https://gitlab.shop.example/api/v4/projects/218/merge_requests?page=1&per_page=100 GET https://gitlab.shop.example/api/v4/projects/218/merge_requests?page=1&per_page=100 returned a response status of 403 Forbidden] errors:
{"message":"403 Forbidden"}`,
  },
  {
    id: 'gl-hookrate-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.hookRate,
    note: 'Sidekiq JSON line with the throttle message',
    text: String.raw`{"severity":"ERROR","time":"2025-07-15T13:31:08.775Z","message":"Webhook rate limit exceeded","class":"WebHooks::LogExecutionWorker","hook_id":5520,"hook_type":"ProjectHook","hook_name":"push_hooks","project_id":90312}`,
  },
  {
    id: 'gl-hooknot-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.hookNot,
    note: 'own words',
    text: String.raw`Project webhook to our Jenkins stopped firing completely, nothing in Recent events, no errors either. It worked last month; since then we upgraded to 16.3 and enabled silent mode for a maintenance.`,
  },
  {
    id: 'gl-hookssl-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.hookSsl,
    note: 'Test webhook result banner',
    text: String.raw`Hook execution failed: unable to get local issuer certificate
Webhooks > https://ci.internal.example:8443/gitlab-webhook/post
Test   Edit   Delete`,
  },
  {
    id: 'gl-dispatch-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.dispatch,
    note: 'Slack ephemeral message',
    text: String.raw`Only visible to you
/gitlab failed with the error "dispatch_failed"`,
  },

  // ================================================================ Repository mirroring, import/export
  {
    id: 'gl-mirhostkey-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.mirHostKey,
    note: 'Mirroring repositories table, error badge text',
    text: String.raw`Mirrored repositories
ssh://git@git.partner-example.com/shared/specs.git   Push   Last update attempt: 3 minutes ago
Error: 13:push to mirror: git push: exit status 128, stderr: "Host key verification failed.\r\nfatal: Could not read from remote repository."`,
  },
  {
    id: 'gl-mirusername-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.mirUsername,
    note: 'CI/CD for external repo (Bitbucket) pull mirror error',
    text: String.raw`Pull mirroring failed
2:fetch remote: "fatal: could not read Username for 'https://bitbucket.org': terminal prompts disabled\n": exit status 128.
Update now`,
  },
  {
    id: 'gl-mir301-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.mir301,
    note: 'own words with the number',
    text: String.raw`Push mirror to our other gitlab fails with a 301 error. The URL I entered is https://gitlab.partner.io/group/project without .git at the end.`,
  },
  {
    id: 'gl-mirrst-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.mirRst,
    note: 'push mirror to GitHub, error text under the mirror',
    text: String.raw`https://*****:*****@github.com/acme-oss/sdk-python.git   Push   Last successful update: 2 days ago
Error: 13:Received RST_STREAM with error code 2`,
  },
  {
    id: 'gl-mirdumb-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.mirDumb,
    note: 'own words; dumb-HTTP server',
    text: String.raw`Initial pull mirror from an old cgit server fails, the error says it could not get the pack index. Cloning the same URL on my laptop works.`,
  },
  {
    id: 'gl-mirconflict-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.mirConflict,
    note: 'pull mirror error text',
    text: String.raw`Pull mirroring failed 6 hours ago.
13:preparing reference update: file directory conflict`,
  },
  {
    id: 'gl-impgat-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.impGat,
    note: 'project import via the API with a group access token',
    text: String.raw`$ curl --request POST --header "PRIVATE-TOKEN: $GROUP_TOKEN" --form "path=legacy-crm" --form "namespace=sales-tools" --form "file=@crm-export.tar.gz" "https://gitlab.example.io/api/v4/projects/import"
{"id":5821,"path":"legacy-crm","import_status":"scheduled"}
$ curl --header "PRIVATE-TOKEN: $GROUP_TOKEN" "https://gitlab.example.io/api/v4/projects/5821/import"
{"id":5821,"import_status":"failed","import_error":"Error adding importer user to Project members. Validation failed: User project bots cannot be added to other groups / projects"}`,
  },

  // ================================================================ SCIM, Kubernetes agent, workspaces
  {
    id: 'gl-scim409-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.scim409,
    note: 'identity provider provisioning log entry',
    text: String.raw`Provisioning log
Action: Create   Status: Failure   Target: gitlab.com (SCIM)
Details: StatusCode: Conflict Message: Processing of the HTTP request resulted in an exception. The HTTP response returned by this request was {"schemas":["urn:ietf:params:scim:api:messages:2.0:Error"],"detail":"User has already been taken","status":409}`,
  },
  {
    id: 'gl-scimcreds-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.scimCreds,
    note: 'Test Connection result in the enterprise app',
    text: String.raw`Test Connection
You appear to have entered invalid credentials. Please confirm you are using the correct information for an administrative account.
Tenant URL: https://gitlab.com/api/scim/v2/groups/acme.eu`,
  },
  {
    id: 'gl-scimnull-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.scimNull,
    note: 'own words',
    text: String.raw`Testing the SCIM API credentials in Okta for our self-managed instance just says "Error authenticating: null". The instance is only reachable from our VPN.`,
  },
  {
    id: 'gl-agentdecomp-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.agentDecomp,
    note: 'agentk pod log after a Helm upgrade of the agent only',
    text: String.raw`$ kubectl logs -n gitlab-agent-prod deploy/prod-gitlab-agent-v2 --tail 3
{"level":"info","time":"2025-05-12T09:30:01.118Z","msg":"Feature status change","feature_name":"tunnel","feature_status":true}
{"level":"warn","time":"2025-05-12T09:30:02.447Z","msg":"GetConfiguration.Recv failed","error":"rpc error: code = Unimplemented desc = grpc: Decompressor is not installed for grpc-encoding \"gzip\""}`,
  },
  {
    id: 'gl-agentws-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.agentWs,
    note: 'agentk log: kas address without trailing slash (301)',
    text: String.raw`{"level":"error","time":"2025-09-01T06:45:12.301Z","msg":"Reverse tunnel","mod_name":"reverse_tunnel","error":"Connect(): rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing failed to WebSocket dial: expected handshake response status code 101 but got 301\"","agent_id":118}`,
  },
  {
    id: 'gl-agentx509-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.agentX509,
    note: 'agentk log with an internal CA',
    text: String.raw`{"level":"error","time":"2025-02-03T12:10:55.902Z","msg":"Reverse tunnel","mod_name":"reverse_tunnel","error":"Connect(): rpc error: code = Unavailable desc = connection error: desc = \"transport: Error while dialing failed to WebSocket dial: failed to send handshake request: Get \\\"https://gitlab.corp.example:443/-/kubernetes-agent/\\\": x509: certificate signed by unknown authority\""}`,
  },
  {
    id: 'gl-agentjobs-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.agentJobs,
    note: 'agentk log, leftover scan job',
    text: String.raw`{"level":"error","time":"2025-10-20T02:00:07.415Z","msg":"Failed to perform vulnerability scan on workload","mod_name":"starboard_vulnerability","error":"running scan job: creating job: jobs.batch \"scan-vulnerabilityreport-7d9f5c6b84\" already exists"}`,
  },
  {
    id: 'gl-wslease-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.wsLease,
    note: 'agent log while creating a workspace',
    text: String.raw`{"level":"info","time":"2025-11-18T15:22:40.006Z","msg":"failed to renew lease gitlab-agent-remote-dev/agent-4410-lock: timed out waiting for the condition\n","agent_id":4410}
{"level":"info","time":"2025-11-18T15:22:40.007Z","msg":"stopping leader-only modules","agent_id":4410}`,
  },
  {
    id: 'gl-wsnotexist-dialog-1', corpus: GL, kind: 'dialog', set: 'holdout', expect: ID.wsNotExist,
    note: 'VS Code dialog in a workspace',
    text: String.raw`Workspace does not exist

Please select another workspace to open.

[Open Workspace...]  [Cancel]`,
  },

  // ================================================================ GitLab Duo Chat and Code Suggestions
  {
    id: 'gl-m3006-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.m3006,
    note: 'chat answer copied',
    text: String.raw`GitLab Duo Chat
I'm sorry, you don't have the GitLab Duo subscription required to use Duo Chat. Please contact your administrator. Error code: M3006`,
  },
  {
    id: 'gl-a1000-terse-1', corpus: GL, kind: 'terse', set: 'holdout', expect: ID.a1000,
    note: 'code only, with the product words',
    text: String.raw`duo chat couldn't respond in time A1000`,
  },
  {
    id: 'gl-m3004-terse-1', corpus: GL, kind: 'terse', set: 'dev', expect: ID.m3004,
    note: 'code only',
    text: String.raw`Error code: M3004 duo chat`,
  },
  {
    id: 'gl-certpath-stack-1', corpus: GL, kind: 'stack-trace', set: 'dev', expect: ID.certPath,
    note: 'JetBrains idea.log with the Java PKIX exception',
    text: String.raw`2025-06-11 10:14:22,591 [  48213]   WARN - #c.g.d.c.GitLabClient - Failed to verify setup for https://gitlab.intranet.example
javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target
	at java.base/sun.security.ssl.Alert.createSSLException(Alert.java:130)
	at java.base/sun.security.ssl.TransportContext.fatal(TransportContext.java:378)
	at java.base/sun.security.ssl.CertificateMessage$T13CertificateConsumer.checkServerCerts(CertificateMessage.java:1306)
Caused by: sun.security.validator.ValidatorException: PKIX path building failed`,
  },

  // ================================================================ Security scanning, IaC, Auto DevOps
  {
    id: 'gl-csxattr-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.csXattr,
    note: 'container_scanning job on a runner with /var/lib/docker on NFS',
    text: String.raw`Pulling docker image registry.gitlab.com/security-products/container-scanning:7 ...
docker: Error response from daemon: failed to copy xattrs: failed to set xattr "security.selinux" on /var/lib/docker/overlay2/3c1e9f/merged/etc/passwd: operation not supported.
ERROR: Job failed: exit code 125`,
  },
  {
    id: 'gl-csscheme-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.csScheme,
    note: 'container_scanning with an oci-archive image reference',
    text: String.raw`$ gtcs scan
[INFO] [container-scanning] [2025-08-27 14:02:11 +0000] [Scanning container from registry oci-archive://image.tar]
[FATA] [container-scanning] [2025-08-27 14:02:11 +0000] Unknown scheme in CS_IMAGE. Allowed schemes: docker, archive
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-csdbage-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.csDbAge,
    note: 'own words, offline mirror',
    text: String.raw`In our air-gapped setup container scanning now fails because the vulnerability db is "9 days old", max is 5. We mirror the scanner image manually every couple of weeks.`,
  },
  {
    id: 'gl-cs401-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.cs401,
    note: 'scanning an ECR image, debug log',
    text: String.raw`[DEBU] [container-scanning] [2025-04-10 09:31:55 +0000] failed to get authorization token: MissingRegion: could not find region configuration
[FATA] [container-scanning] [2025-04-10 09:31:56 +0000] unexpected status code 401 Unauthorized: Not Authorized
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-pgconfig-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.pgConfig,
    note: 'gemnasium-python job building psycopg2',
    text: String.raw`[INFO] [gemnasium-python] [2025-03-17T10:22:41Z] Running pip install for requirements.txt
  Collecting psycopg2==2.9.9
  Downloading psycopg2-2.9.9.tar.gz (384 kB)
  error: subprocess-exited-with-error
  × python setup.py egg_info did not run successfully.
  │ exit code: 1
  Error: pg_config executable not found.
[FATA] [gemnasium-python] [2025-03-17T10:22:49Z] failed to install dependencies`,
  },
  {
    id: 'gl-use2to3-truncated-1', corpus: GL, kind: 'truncated', set: 'holdout', expect: ID.use2to3,
    note: 'partial line from the dependency scanning job',
    text: String.raw`error in anyjson setup command: use_2to3 is inva`,
  },
  {
    id: 'gl-tfauth-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.tfAuth,
    note: 'gitlab-terraform plan in CI',
    text: String.raw`$ gitlab-terraform plan
Initializing the backend...
╷
│ Error: Error refreshing state: HTTP remote state endpoint requires auth
│
╵
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-tfaddress-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.tfAddress,
    note: 'own words with the message',
    text: String.raw`our tofu/terraform job in the deploy stage fails at init saying the "address" field is required. The plan job in the same pipeline works, only deploy breaks.`,
  },
  {
    id: 'gl-adv1beta-terminal-1', corpus: GL, kind: 'terminal', set: 'dev', expect: ID.adV1beta,
    note: 'Auto Deploy job after a cluster upgrade',
    text: String.raw`$ auto-deploy check_kube_domain
$ auto-deploy download_chart
Successfully packaged chart and saved it to: /builds/shop/web/chart/auto-deploy-app-2.1.0.tgz
$ auto-deploy deploy
Validating chart version 2.1.0
UPGRADE FAILED
Error: failed decoding reader into objects: unable to recognize "": no matches for kind "Deployment" in version "extensions/v1beta1"
ERROR: Job failed: exit code 1`,
  },
  {
    id: 'gl-adtimeout-terminal-1', corpus: GL, kind: 'terminal', set: 'holdout', expect: ID.adTimeout,
    note: 'first Auto DevOps deploy; app listens on 8080',
    text: String.raw`$ auto-deploy download_chart
Successfully packaged chart and saved it to: /builds/web/portal/chart/auto-deploy-app-2.1.0.tgz
$ auto-deploy deploy
Validating chart version 2.1.0
Deploying new stable release...
INSTALL FAILED
PURGING CHART
Error: release review-feat-login-x3k1 failed: timed out waiting for the condition
ERROR: Job failed: exit code 1`,
  },

  // ================================================================ Geo proxying, Zoekt, merge requests, REST API
  {
    id: 'gl-geocookie-browser-1', corpus: GL, kind: 'browser', set: 'dev', expect: ID.geoCookie,
    note: 'nginx 400 page from a Geo secondary behind a unified URL',
    text: String.raw`400 Bad Request
Request Header Or Cookie Too Large
nginx`,
  },
  {
    id: 'gl-geocookie-described-1', corpus: GL, kind: 'described', set: 'holdout', expect: ID.geoCookie,
    note: 'own words',
    text: String.raw`With Geo and a unified URL, users routed to the secondary get a 400 "header or cookie too large" page every time. Primary's internal URL is the same as the external one.`,
  },
  {
    id: 'gl-zoekt401-applog-1', corpus: GL, kind: 'app-log', set: 'dev', expect: ID.zoekt401,
    note: 'zoekt indexer pod log',
    text: String.raw`$ kubectl logs -n zoekt gitlab-zoekt-0 -c zoekt-indexer --tail 2
2025/09/22 07:00:14 Starting task request loop
2025/09/22 07:00:15 TaskRequest responded with [401]`,
  },
  {
    id: 'gl-alpn-applog-1', corpus: GL, kind: 'app-log', set: 'holdout', expect: ID.alpn,
    note: 'sidekiq log with the gRPC error behind an L7 load balancer',
    text: String.raw`{"severity":"ERROR","time":"2025-11-05T10:44:18.220Z","class":"Search::Zoekt::SchedulingWorker","message":"search failed","exception.message":"rpc error: code = Unavailable desc = connection error: desc = \"transport: authentication handshake failed: credentials: cannot check peer: missing selected ALPN property\""}`,
  },
  {
    id: 'gl-mrbranch-dialog-1', corpus: GL, kind: 'dialog', set: 'dev', expect: ID.mrBranch,
    note: 'new MR form error',
    text: String.raw`New merge request
The form contains the following error:
Source branch "feature/invoice-pdf" does not exist.
From feature/invoice-pdf into main   Change branches`,
  },
  {
    id: 'gl-api404-described-1', corpus: GL, kind: 'described', set: 'dev', expect: ID.api404,
    note: 'own words; Apache in front',
    text: String.raw`Behind our Apache reverse proxy, API calls like GET /api/v4/projects/group%2Fproject return 404 Not Found and the VS Code extension can't find projects. Direct to the server it works.`,
  },

  // ================================================================ negatives asked against the gitlab-troubleshooting KB
  neg({
    id: 'neg-gl-runner-register-403', corpus: GL, set: 'dev',
    note: 'near-miss: runner output, but registration with a wrong token (no such problem in the KB)',
    text: String.raw`$ sudo gitlab-runner register --non-interactive --url https://gitlab.build.example --token glrt-xxxxxxxxxxxxxxxxxxxx --executor docker --docker-image alpine:3.20
Runtime platform                                    arch=amd64 os=linux pid=44120 revision=b92ee590 version=17.4.1
Running in system-mode.
Verifying runner... is not valid                    runner=glrt-xxxx
PANIC: Failed to verify the runner.`,
  }),
  neg({
    id: 'neg-gl-rebase-conflict', corpus: GL, set: 'dev',
    note: 'near-miss: git terminal output, an ordinary content conflict',
    text: String.raw`$ git rebase origin/main
Auto-merging src/billing/invoice.ts
CONFLICT (content): Merge conflict in src/billing/invoice.ts
error: could not apply 4e1d2c7... Round totals per line item
hint: Resolve all conflicts manually, mark them as resolved with
hint: "git add/rm <conflicted_files>", then run "git rebase --continue".
Could not apply 4e1d2c7... Round totals per line item`,
  }),
  neg({
    id: 'neg-gl-windows-filename-too-long', corpus: GL, set: 'holdout',
    note: 'near-miss: "Filename too long" on a Windows clone (core.longpaths), not the backup File name too long problem',
    text: String.raw`PS C:\dev> git clone https://gitlab.example.com/web/frontend.git
Cloning into 'frontend'...
remote: Enumerating objects: 88213, done.
error: unable to create file node_modules/@babel/plugin-proposal-class-static-block/node_modules/@babel/helper-create-class-features-plugin/lib/typescript.js: Filename too long
fatal: unable to checkout working tree
warning: Clone succeeded, but checkout failed.`,
  }),
  neg({
    id: 'neg-gl-puma-worker-killer', corpus: GL, set: 'dev',
    note: 'near-miss: GitLab log format, Puma memory killer restarts (not covered by the KB pages)',
    text: String.raw`==> /var/log/gitlab/puma/puma_stdout.log <==
{"timestamp":"2025-06-03T11:02:44.551Z","pid":3811,"message":"PumaWorkerKiller: Out of memory. 4 workers consuming total: 8421.5 mb out of max: 8192.0 mb. Sending TERM to pid 3920 consuming 2188.1 mb."}
{"timestamp":"2025-06-03T11:02:45.120Z","pid":3811,"message":"- Worker 2 (PID: 4471) booted in 0.61s, phase: 0"}`,
  }),
  neg({
    id: 'neg-gl-dockerhub-rate-limit', corpus: GL, set: 'holdout',
    note: 'near-miss: image pull in a CI job, but Docker Hub rate limiting',
    text: String.raw`Using Docker executor with image node:20 ...
Pulling docker image node:20 ...
WARNING: Failed to pull image with policy "always": toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit (manager.go:250:0s)
ERROR: Job failed: failed to pull image "node:20" with specified policies [always]`,
  }),
  neg({
    id: 'neg-gl-ci-cache-described', corpus: GL, set: 'dev',
    note: 'described: CI cache never restored (no article on caching)',
    text: String.raw`our CI cache never gets restored between jobs, every job downloads all npm packages again. cache key is the branch name and we have 3 runners with the docker executor.`,
 }),
  neg({
    id: 'neg-gl-node-redis-refused', corpus: GL, set: 'dev',
    note: 'out of KB: a Node service cannot reach its own Redis',
    text: String.raw`node:internal/process/promises:391
    triggerUncaughtException(err, true /* fromPromise */);
    ^

Error: connect ECONNREFUSED 127.0.0.1:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1610:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 6379
}`,
  }),
  neg({
    id: 'neg-gl-python-jsondecode', corpus: GL, set: 'holdout',
    note: 'out of KB: Python traceback in an unrelated data script',
    text: String.raw`Traceback (most recent call last):
  File "/opt/etl/pull_rates.py", line 41, in <module>
    rates = resp.json()["rates"]
  File "/opt/etl/.venv/lib/python3.11/site-packages/requests/models.py", line 975, in json
    raise RequestsJSONDecodeError(e.msg, e.doc, e.pos)
requests.exceptions.JSONDecodeError: Expecting value: line 1 column 1 (char 0)`,
  }),
  neg({
    id: 'neg-gl-java-oom-kafka', corpus: GL, set: 'dev',
    note: 'out of KB: Java heap OOM in a Kafka consumer app (the KB only has a SpotBugs analyzer OOM)',
    text: String.raw`2025-08-14 03:12:09.441 ERROR 1 --- [ntainer#0-0-C-1] o.s.k.l.KafkaMessageListenerContainer    : Consumer exception
java.lang.OutOfMemoryError: Java heap space
	at java.base/java.util.Arrays.copyOf(Arrays.java:3537)
	at org.apache.kafka.common.record.DefaultRecordBatch.uncompressedIterator(DefaultRecordBatch.java:331)
	at com.acme.orders.consumer.OrderEventListener.onMessage(OrderEventListener.java:58)`,
  }),
  neg({
    id: 'neg-gl-mr-diff-slow-described', corpus: GL, set: 'holdout',
    note: 'described: slow MR diffs in the UI, not a KB problem',
    text: String.raw`Opening the Changes tab of big merge requests takes 30+ seconds on our self-managed instance and sometimes the browser tab freezes. Small MRs are fine.`,
  }),
]
