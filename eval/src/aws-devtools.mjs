// Pastes for the aws-devtools-troubleshooting corpus (eval/corpora/aws-devtools-troubleshooting:
// the troubleshooting pages of the AWS CodeBuild, CodeCommit, CodeDeploy and CodePipeline user
// guides), asked against a KB built from that corpus alone: build logs, agent logs, terminal and
// git output, console error banners, SDK tracebacks, and problems told in the user's own words
// (`described`), plus negatives for that KB (near-misses from the same tools, and products it
// does not cover at all).
// expect = importer id of one problem split out of a page:
//   problemId(pageIdFromPath(<path under the corpus folder>), <heading text>) (src/build/import/ids.ts);
// a page that holds a single problem keeps its file name's id (troubleshooting-cf, troubleshooting-ti, ...).
// Accounts, regions, repositories, buckets, hosts, ids and times are invented; only the error
// strings are the products'.

const corpus = 'aws-devtools-troubleshooting'

/** Problem ids, one per heading of the corpus that a case expects (the heading in the comment). */
const P = {
  // aws-codebuild-user-guide/doc_source/troubleshooting.md
  mavenRepo: 'aws-codebuild-user-guide-troubleshooting-apache-maven-builds-reference-artifacts-from-the-wrong',
  nonUsChars: 'aws-codebuild-user-guide-troubleshooting-builds-might-fail-when-file-names-have-non-u-s-english',
  paramStore: 'aws-codebuild-user-guide-troubleshooting-builds-might-fail-when-getting-parameters-from-amazon-ec2',
  noStatus: 'aws-codebuild-user-guide-troubleshooting-cannot-view-build-success-or-failure',
  branchFilter: 'aws-codebuild-user-guide-troubleshooting-cannot-access-branch-filter-in-the-codebuild-console',
  statusNotReported: 'aws-codebuild-user-guide-troubleshooting-build-status-not-reported-to-source-provider',
  winCore2019: 'aws-codebuild-user-guide-troubleshooting-cannot-find-and-select-the-base-image-of-the-windows-server',
  buildspec01: 'aws-codebuild-user-guide-troubleshooting-earlier-commands-in-buildspec-files-are-not-recognized-by',
  cacheDenied: 'aws-codebuild-user-guide-troubleshooting-error-access-denied-when-attempting-to-download-cache',
  pullImage: 'aws-codebuild-user-guide-troubleshooting-error-build-container-unable-to-pull-image-when-using-a',
  containerDead500: 'aws-codebuild-user-guide-troubleshooting-error-build-container-found-dead-before-completing-the',
  dockerDaemon: 'aws-codebuild-user-guide-troubleshooting-error-cannot-connect-to-the-docker-daemon-when-running-a',
  assumeRole: 'aws-codebuild-user-guide-troubleshooting-error-codebuild-is-not-authorized-to-perform-sts-assumerole',
  getBucketAcl: 'aws-codebuild-user-guide-troubleshooting-error-error-calling-getbucketacl-either-the-bucket-owner',
  invalidArn: 'aws-codebuild-user-guide-troubleshooting-error-failed-to-upload-artifacts-invalid-arn-when-running-a',
  selfSigned: 'aws-codebuild-user-guide-troubleshooting-error-git-clone-failed-unable-to-access-your-repository-url',
  bucketEndpoint: 'aws-codebuild-user-guide-troubleshooting-error-the-bucket-you-are-attempting-to-access-must-be',
  zeroClick: 'aws-codebuild-user-guide-troubleshooting-error-the-policy-s-default-version-was-not-created-by',
  runtimeVersion: 'aws-codebuild-user-guide-troubleshooting-error-this-build-image-requires-selecting-at-least-one',
  insufficientSubnet: 'aws-codebuild-user-guide-troubleshooting-error-queued-insufficient-subnet-when-a-build-in-a-build',
  cacheX509: 'aws-codebuild-user-guide-troubleshooting-error-unable-to-download-cache-requesterror-send-request',
  certS3: 'aws-codebuild-user-guide-troubleshooting-error-unable-to-download-certificate-from-s3-accessdenied',
  locateCredentials: 'aws-codebuild-user-guide-troubleshooting-error-unable-to-locate-credentials',
  proxyTimeout: 'aws-codebuild-user-guide-troubleshooting-requesterror-timeout-error-when-running-codebuild-in-a',
  bourneShell: 'aws-codebuild-user-guide-troubleshooting-the-bourne-shell-sh-must-exist-in-build-images',
  skippingRuntimes: 'aws-codebuild-user-guide-troubleshooting-warning-skipping-install-of-runtimes-runtime-version',
  jobWorker: 'aws-codebuild-user-guide-troubleshooting-error-unable-to-verify-jobworker-identity-when-opening-the',
  failedToStart: 'aws-codebuild-user-guide-troubleshooting-build-failed-to-start',
  gitMetadata: 'aws-codebuild-user-guide-troubleshooting-accessing-github-metadata-in-locally-cached-builds',
  reportBucketOwner: 'aws-codebuild-user-guide-troubleshooting-accessdenied-the-bucket-owner-for-the-report-group-does-not',
  // aws-codecommit-user-guide/doc_source/troubleshooting-*.md
  winPrompt: 'troubleshooting-ae-access-error-i-am-prompted-for-a-user-name-and-password-when-i-connect-to-a',
  rate429: 'troubleshooting-ae-access-error-rate-exceeded-or-429-message-when-connecting-to-a-codecommit',
  configParse: 'troubleshooting-cf',
  gitConfigQuotes: 'troubleshooting-ch-i-receive-an-error-when-running-the-git-config-command-to-configure-the',
  helperNotFound: 'troubleshooting-ch-i-get-a-command-not-found-error-in-windows-when-using-the-credential-helper',
  macos403: 'troubleshooting-ch-git-for-macos-i-configured-the-credential-helper-successfully-but-now-i-am-denied',
  windows403: 'troubleshooting-ch-git-for-windows-i-installed-git-for-windows-but-i-am-denied-access-to-my',
  kmsDenied: 'troubleshooting-cs-access-error-encryption-key-access-denied-for-a-codecommit-repository-from-the',
  browseDenied: 'troubleshooting-cs-console-error-cannot-browse-the-code-in-a-codecommit-repository-from-the-console',
  tooLargeToDisplay: 'troubleshooting-cs-display-error-cannot-view-a-file-or-a-comparison-between-files',
  keepsPrompting: 'troubleshooting-gc-git-credentials-for-aws-codecommit-i-keep-seeing-a-prompt-for-credentials-when-i',
  gcNotUsed: 'troubleshooting-gc-git-credentials-for-aws-codecommit-i-set-up-git-credentials-but-my-system-is-not',
  rpc56: 'troubleshooting-git-git-error-error-rpc-failed-result-56-http-code-200-fatal-the-remote-end-hung-up',
  tooManyRefs: 'troubleshooting-git-git-error-too-many-reference-update-commands',
  gnutls: 'troubleshooting-git-git-error-gnutls-handshake-failed',
  trailingSlash: 'troubleshooting-git-git-error-git-cannot-find-the-codecommit-repository-or-does-not-have-permission',
  notAGitCommand: 'troubleshooting-grc-i-see-an-error-git-remote-codecommit-is-not-a-git-command',
  remoteHelper: 'troubleshooting-grc-i-see-an-error-fatal-unable-to-find-remote-helper-for-codecommit',
  ideClone: 'troubleshooting-grc-cloning-error-i-cannot-clone-a-codecommit-repository-from-an-ide',
  sshKeyIdLinux: 'troubleshooting-ssh-access-error-public-key-is-uploaded-successfully-to-iam-but-connection-fails-on',
  hostAuthenticity: 'troubleshooting-ssh-authentication-challenge-authenticity-of-host-can-t-be-established-when',
  iamInvalidFormat: 'troubleshooting-ssh-iam-error-invalid-format-when-attempting-to-add-a-public-key-to-iam',
  multiAccount: 'troubleshooting-ssh-i-need-to-access-codecommit-repositories-in-multiple-amazon-web-services',
  puttyFreeze: 'troubleshooting-ssh-git-on-windows-bash-emulator-or-command-line-freezes-when-attempting-to-connect',
  trigger: 'troubleshooting-ti',
  // aws-codedeploy-user-guide/doc_source/troubleshooting-*.md
  asgPermission: 'troubleshooting-auto-scaling-codedeployrole-does-not-give-you-permission-to-perform-operations-in',
  asgLoop: 'troubleshooting-auto-scaling-instances-in-an-amazon-ec2-auto-scaling-group-are-continuously',
  asgReboot: 'troubleshooting-auto-scaling-terminating-or-rebooting-an-amazon-ec2-auto-scaling-instance-might',
  heartbeat: 'troubleshooting-auto-scaling-ec2-instances-in-an-amazon-ec2-auto-scaling-group-fail-to-launch-and',
  hookMismatch: 'troubleshooting-auto-scaling-mismatched-amazon-ec2-auto-scaling-lifecycle-hooks-might-cause',
  noInstances: 'troubleshooting-auto-scaling-the-deployment-failed-because-no-instances-were-found-for-your',
  taggedNoDeploy: 'troubleshooting-deployment-groups',
  lambdaStopped: 'troubleshooting-deployments-lambda',
  commandPoller: 'troubleshooting-deployments-codedeploy-plugin-commandpoller-missing-credentials-error',
  fileExists: 'troubleshooting-deployments-deployment-or-redeployment-of-the-same-files-to-the-same-instance',
  longPaths: 'troubleshooting-deployments-long-file-paths-cause-no-such-file-or-directory-errors',
  longRunning: 'troubleshooting-deployments-long-running-processes-can-cause-deployments-to-fail',
  allowTraffic: 'troubleshooting-deployments-troubleshooting-a-failed-allowtraffic-lifecycle-event-with-no-error',
  applicationStop: 'troubleshooting-deployments-troubleshooting-a-failed-applicationstop-beforeblocktraffic-or',
  downloadBundle: 'troubleshooting-deployments-troubleshooting-a-failed-downloadbundle-deployment-lifecycle-event-with',
  allSkipped: 'troubleshooting-deployments-troubleshooting-all-lifecycle-events-skipped-errors',
  powershell64: 'troubleshooting-deployments-windows-powershell-scripts-fail-to-use-the-64-bit-version-of-windows',
  oneHour: 'troubleshooting-ec2-instances-deployments-do-not-fail-for-up-to-an-hour-when-an-instance-is',
  signatureExpired: 'troubleshooting-ec2-instances-troubleshooting-invalidsignatureexception-signature-expired-time-is',
  textEditors: 'troubleshooting-general-using-some-text-editors-to-create-appspec-files-and-shell-scripts-can-cause',
  finderZip: 'troubleshooting-general-using-finder-in-macos-to-bundle-an-application-revision-can-cause',
  rolesGone: 'troubleshooting-general-required-iam-roles-are-not-available',
  githubToken: 'troubleshooting-github-token-issues-invalid-github-oauth-token',
  githubTokenMax: 'troubleshooting-github-token-issues-maximum-number-of-github-oauth-tokens-exceeded',
  // aws-codepipeline-user-guide/doc_source/troubleshooting.md
  ebElb: 'aws-codepipeline-user-guide-troubleshooting-pipeline-error-a-pipeline-configured-with-aws-elastic',
  ebDescribeEvents: 'aws-codepipeline-user-guide-troubleshooting-deployment-error-a-pipeline-configured-with-an-aws',
  pipelineCodeCommit: 'aws-codepipeline-user-guide-troubleshooting-pipeline-error-a-source-action-returns-the-insufficient',
  jenkins: 'aws-codepipeline-user-guide-troubleshooting-pipeline-error-a-jenkins-build-or-test-action-runs-for-a',
  crossRegion: 'aws-codepipeline-user-guide-troubleshooting-pipeline-error-a-pipeline-created-in-one-aws-region',
  warInZip: 'aws-codepipeline-user-guide-troubleshooting-deployment-error-a-zip-file-that-contains-a-war-file-is',
  ecsTaskDef: 'aws-codepipeline-user-guide-troubleshooting-pipeline-error-a-deployment-with-the-codedeploytoecs',
  githubV2: 'aws-codepipeline-user-guide-troubleshooting-github-version-2-source-action-unable-to-complete-the',
  pipelineS3Denied: 'aws-codepipeline-user-guide-troubleshooting-amazon-s3-error-codepipeline-service-role-arn-is-getting',
  noAutoStart: 'aws-codepipeline-user-guide-troubleshooting-pipelines-with-an-amazon-s3-amazon-ecr-or-codecommit',
}

const neg = (c) => ({ kind: 'negative', expect: null, ...c })

const cases = [
  // ================================================================ CodeBuild
  {
    id: 'awscb-docker-daemon-applog-1', kind: 'app-log', set: 'dev', expect: P.dockerDaemon,
    note: 'CodeBuild build log: docker build in BUILD phase, daemon socket missing',
    text: String.raw`[Container] 2025/03/14 09:12:40.118911 Entering phase BUILD
[Container] 2025/03/14 09:12:40.119702 Running command echo Building the Docker image...
Building the Docker image...
[Container] 2025/03/14 09:12:40.124377 Running command docker build -t $IMAGE_REPO_NAME:$IMAGE_TAG .
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?

[Container] 2025/03/14 09:12:40.201520 Command did not exit successfully docker build -t $IMAGE_REPO_NAME:$IMAGE_TAG . exit status 1
[Container] 2025/03/14 09:12:40.206112 Phase complete: BUILD State: FAILED
[Container] 2025/03/14 09:12:40.206131 Phase context status code: COMMAND_EXECUTION_ERROR Message: Error while executing command: docker build -t $IMAGE_REPO_NAME:$IMAGE_TAG .. Reason: exit status 1`,
  },
  {
    id: 'awscb-docker-daemon-described-1', kind: 'described', set: 'holdout', expect: P.dockerDaemon,
    note: 'own words: docker commands fail inside the build container',
    text: String.raw`trying to build and push our image from codebuild to ECR but every docker command in the buildspec says it can't talk to the docker daemon. same buildspec works on my laptop. using the standard ubuntu image`,
  },
  {
    id: 'awscb-assumerole-terminal-1', kind: 'terminal', set: 'dev', expect: P.assumeRole,
    note: 'aws codebuild create-project from a shell',
    text: String.raw`$ aws codebuild create-project --cli-input-json file://project.json --region eu-west-1

An error occurred (InvalidInputException) when calling the CreateProject operation: CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::482915730164:role/service-role/codebuild-orders-api-role
$`,
  },
  {
    id: 'awscb-assumerole-dialog-1', kind: 'dialog', set: 'holdout', expect: P.assumeRole,
    note: 'console banner when saving the project',
    text: String.raw`There was an error updating your project
Code:InvalidInputException, Message:CodeBuild is not authorized to perform: sts:AssumeRole on arn:aws:iam::907113552846:role/cb-frontend-build
Dismiss`,
  },
  {
    id: 'awscb-pull-image-terminal-1', kind: 'terminal', set: 'dev', expect: P.pullImage,
    note: 'aws codebuild batch-get-builds output, PROVISIONING phase',
    text: String.raw`$ aws codebuild batch-get-builds --ids reporting-etl:7c0b2f6e-41e4-4c65-9d7f-0a8e3b5e2d19 --query 'builds[0].phases[?phaseStatus==` + '`FAILED`' + String.raw`]'
[
    {
        "phaseType": "PROVISIONING",
        "phaseStatus": "FAILED",
        "startTime": "2025-05-06T10:41:02.503000+02:00",
        "endTime": "2025-05-06T10:43:37.118000+02:00",
        "durationInSeconds": 154,
        "contexts": [
            {
                "statusCode": "BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE",
                "message": "Unable to pull customer's container image. CannotPullContainerError: Error response from daemon: pull access denied for 663240118907.dkr.ecr.eu-central-1.amazonaws.com/etl-builder, repository does not exist or may require 'docker login': denied: User: CodeBuild is not authorized to perform: ecr:BatchGetImage"
            }
        ]
    }
]`,
  },
  {
    id: 'awscb-pull-image-terse-1', kind: 'terse', set: 'holdout', expect: P.pullImage,
    note: 'search box: the status code and "custom image"',
    text: String.raw`BUILD_CONTAINER_UNABLE_TO_PULL_IMAGE custom image`,
  },
  {
    id: 'awscb-container-dead-dialog-1', kind: 'dialog', set: 'dev', expect: P.containerDead500,
    note: 'console Phase details table for a Windows build',
    text: String.raw`Phase details
Name          Status     Context                                                                                                        Duration
SUBMITTED     Succeeded  -                                                                                                              <1 sec
QUEUED        Succeeded  -                                                                                                              2 secs
PROVISIONING  Failed     CLIENT_ERROR: Build container found dead before completing the build. build container died because it was out of memory, or the Docker image is not supported. ErrorCode: 500   4 mins 12 secs`,
  },
  {
    id: 'awscb-container-dead-truncated-1', kind: 'truncated', set: 'dev', expect: P.containerDead500,
    note: 'message cut off before the error code; Linux image with proxy variables',
    text: String.raw`Build container found dead before completing the build. build container died because it was out of memory, or the Docker im`,
  },
  {
    id: 'awscb-getbucketacl-applog-1', kind: 'app-log', set: 'dev', expect: P.getBucketAcl,
    note: 'build log, artifact upload after bucket changed hands',
    text: String.raw`[Container] 2025/01/22 16:05:11.880145 Phase complete: POST_BUILD State: SUCCEEDED
[Container] 2025/01/22 16:05:11.880162 Phase context status code:  Message:
[Container] 2025/01/22 16:05:12.027480 Expanding base directory path: dist
[Container] 2025/01/22 16:05:12.030011 Assembling file list
[Container] 2025/01/22 16:05:12.030019 Expanding dist
[Container] 2025/01/22 16:05:12.034457 Found 214 file(s)
[Container] 2025/01/22 16:05:12.201308 Phase complete: UPLOAD_ARTIFACTS State: FAILED
[Container] 2025/01/22 16:05:12.201329 Phase context status code: CLIENT_ERROR Message: Error calling GetBucketAcl: Either the bucket owner has changed or the service role no longer has permission to called s3:GetBucketAcl`,
  },
  {
    id: 'awscb-invalid-arn-applog-1', kind: 'app-log', set: 'dev', expect: P.invalidArn,
    note: 'build log: UPLOAD_ARTIFACTS fails',
    text: String.raw`[Container] 2024/11/02 07:31:58.660213 Entering phase UPLOAD_ARTIFACTS
[Container] 2024/11/02 07:31:58.661004 Expanding base directory path: target
[Container] 2024/11/02 07:31:58.663219 Assembling file list
[Container] 2024/11/02 07:31:58.663227 Expanding target
[Container] 2024/11/02 07:31:58.667781 Found 3 file(s)
[Container] 2024/11/02 07:31:58.700118 Phase complete: UPLOAD_ARTIFACTS State: FAILED
[Container] 2024/11/02 07:31:58.700139 Phase context status code: CLIENT_ERROR Message: Failed to upload artifacts: Invalid arn`,
  },
  {
    id: 'awscb-invalid-arn-terse-1', kind: 'terse', set: 'holdout', expect: P.invalidArn,
    note: 'search box, lower case',
    text: String.raw`codebuild failed to upload artifacts invalid arn`,
  },
  {
    id: 'awscb-self-signed-applog-1', kind: 'app-log', set: 'dev', expect: P.selfSigned,
    note: 'DOWNLOAD_SOURCE from a GitHub Enterprise Server with an internal CA',
    text: String.raw`[Container] 2025/02/11 13:20:04.415519 Waiting for agent ping
[Container] 2025/02/11 13:20:05.418337 Waiting for DOWNLOAD_SOURCE
CLIENT_ERROR: Git clone failed: Unable to access 'https://ghe.corp.fabrikam.net/payments/ledger-svc.git/': SSL certificate problem: self signed certificate in certificate chain for primary source and source version refs/heads/main`,
  },
  {
    id: 'awscb-self-signed-described-1', kind: 'described', set: 'holdout', expect: P.selfSigned,
    note: 'own words: internal git server, own CA',
    text: String.raw`codebuild project pulling from our on prem github enterprise fails right at the clone, complains about the ssl cert. the cert is signed by our internal CA so of course it's not trusted. where do I give codebuild the cert?`,
  },
  {
    id: 'awscb-bucket-endpoint-applog-1', kind: 'app-log', set: 'holdout', expect: P.bucketEndpoint,
    note: 'DOWNLOAD_SOURCE of an S3 source zip in another region',
    text: String.raw`[Container] 2024/09/30 22:14:37.022816 Waiting for agent ping
[Container] 2024/09/30 22:14:38.025530 Waiting for DOWNLOAD_SOURCE
CLIENT_ERROR: The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint. for primary source and source version arn:aws:s3:::acme-src-drop-us/nightly/app.zip`,
  },
  {
    id: 'awscb-runtime-version-applog-1', kind: 'app-log', set: 'dev', expect: P.runtimeVersion,
    note: 'buildspec without runtime-versions on standard:2.0',
    text: String.raw`[Container] 2024/06/18 11:03:09.559021 Waiting for agent ping
[Container] 2024/06/18 11:03:10.561877 Waiting for DOWNLOAD_SOURCE
[Container] 2024/06/18 11:03:11.302448 Phase is DOWNLOAD_SOURCE
[Container] 2024/06/18 11:03:11.304160 CODEBUILD_SRC_DIR=/codebuild/output/src902144871/src
[Container] 2024/06/18 11:03:11.304832 YAML location is /codebuild/output/src902144871/src/buildspec.yml
[Container] 2024/06/18 11:03:11.307155 Phase complete: DOWNLOAD_SOURCE State: FAILED
[Container] 2024/06/18 11:03:11.307177 Phase context status code: YAML_FILE_ERROR Message: This build image requires selecting at least one runtime version.`,
  },
  {
    id: 'awscb-runtime-version-terse-1', kind: 'terse', set: 'dev', expect: P.runtimeVersion,
    note: 'search box, typo',
    text: String.raw`YAML_FILE_ERROR requires selecting at least one runtime verison`,
  },
  {
    id: 'awscb-skipping-runtimes-applog-1', kind: 'app-log', set: 'dev', expect: P.skippingRuntimes,
    note: 'warning in INSTALL phase of an older image, build then fails later',
    text: String.raw`[Container] 2024/08/07 08:44:19.003117 Entering phase INSTALL
[Container] 2024/08/07 08:44:19.003902 Running command echo "install step"
install step
[Container] 2024/08/07 08:44:19.004877 Skipping install of runtimes. Runtime version selection is not supported by this build image.
[Container] 2024/08/07 08:44:19.005219 Phase complete: INSTALL State: SUCCEEDED
[Container] 2024/08/07 08:44:19.005238 Phase context status code:  Message:
[Container] 2024/08/07 08:44:19.041660 Entering phase PRE_BUILD
[Container] 2024/08/07 08:44:19.042330 Running command node --version
v10.24.1`,
  },
  {
    id: 'awscb-insufficient-subnet-dialog-1', kind: 'dialog', set: 'holdout', expect: P.insufficientSubnet,
    note: 'console build status in a VPC project',
    text: String.raw`Build status
Status: Failed
Phase: QUEUED
Context: QUEUED: INSUFFICIENT_SUBNET: Build failed to start. The build could not allocate an elastic network interface in subnet-0c41e97a2d35f8b10`,
  },
  {
    id: 'awscb-insufficient-subnet-terse-1', kind: 'terse', set: 'dev', expect: P.insufficientSubnet,
    note: 'search box: the status only',
    text: String.raw`INSUFFICIENT_SUBNET`,
  },
  {
    id: 'awscb-cache-x509-applog-1', kind: 'app-log', set: 'dev', expect: P.cacheX509,
    note: 'S3 cache download fails on an old custom image',
    text: String.raw`[Container] 2024/04/25 19:02:44.611301 Entering phase DOWNLOAD_SOURCE
[Container] 2024/04/25 19:02:45.900012 Moving to directory /codebuild/output/src617032119/src
[Container] 2024/04/25 19:02:45.922841 Unable to download cache: RequestError: send request failed
caused by: Get "https://ci-cache-7731.s3.amazonaws.com/?prefix=cache%2Fweb": x509: failed to load system roots and no roots provided
[Container] 2024/04/25 19:02:45.923007 Registering with agent`,
  },
  {
    id: 'awscb-cache-denied-applog-1', kind: 'app-log', set: 'holdout', expect: P.cacheDenied,
    note: 'first build after enabling an S3 cache',
    text: String.raw`[Container] 2025/04/03 05:50:12.337904 Moving to directory /codebuild/output/src118920374/src
[Container] 2025/04/03 05:50:12.401177 Unable to download cache: AccessDenied: Access Denied
	status code: 403, request id: 8RSQ1WZ0F2M3KX7C, host id: Zk3pL9qWx2VtR8bN0cYh4sJe7uMa1oDg6fKiT5nQwE0rXbUy3H8=
[Container] 2025/04/03 05:50:12.401260 Registering with agent
[Container] 2025/04/03 05:50:12.433910 Phases found in YAML: 3`,
  },
  {
    id: 'awscb-cert-s3-applog-1', kind: 'app-log', set: 'dev', expect: P.certS3,
    note: 'project configured with a certificate in S3',
    text: String.raw`[Container] 2025/06/09 10:10:31.702266 Waiting for agent ping
[Container] 2025/06/09 10:10:32.705118 Waiting for DOWNLOAD_SOURCE
CLIENT_ERROR: Unable to download certificate from S3. AccessDenied: Access Denied status code: 403 for primary source and source version refs/heads/release/2.4`,
  },
  {
    id: 'awscb-locate-credentials-applog-1', kind: 'app-log', set: 'dev', expect: P.locateCredentials,
    note: 'aws cli run inside a docker container started by the build',
    text: String.raw`[Container] 2024/12/12 14:28:51.120388 Running command docker run --rm -v $PWD:/work deploy-tools:latest aws s3 sync /work/site s3://static-web-prod-3318
Unable to locate credentials. You can configure credentials by running "aws configure".

[Container] 2024/12/12 14:28:53.774019 Command did not exit successfully docker run --rm -v $PWD:/work deploy-tools:latest aws s3 sync /work/site s3://static-web-prod-3318 exit status 255
[Container] 2024/12/12 14:28:53.777831 Phase complete: POST_BUILD State: FAILED`,
  },
  {
    id: 'awscb-proxy-timeout-applog-1', kind: 'app-log', set: 'holdout', expect: P.proxyTimeout,
    note: 'VPC build behind an explicit proxy, log upload times out',
    text: String.raw`[Container] 2025/02/27 03:17:40.800234 Phase complete: BUILD State: SUCCEEDED
[Container] 2025/02/27 03:18:41.002415 RequestError: send request failed
caused by: Post https://logs.ap-southeast-2.amazonaws.com/: dial tcp 3.104.211.87:443: i/o timeout
[Container] 2025/02/27 03:19:42.118090 Error uploading artifacts: RequestError: send request failed
caused by: Put https://build-out-syd.s3.ap-southeast-2.amazonaws.com/*: dial tcp 52.95.130.44:443: connect: connection refused`,
  },
  {
    id: 'awscb-jobworker-dialog-1', kind: 'dialog', set: 'dev', expect: P.jobWorker,
    note: 'red banner on the CodeBuild console home page',
    text: String.raw`Error
Unable to verify JobWorker identity
Build projects   Build history   Report groups`,
  },
  {
    id: 'awscb-zero-click-dialog-1', kind: 'dialog', set: 'holdout', expect: P.zeroClick,
    note: 'console error when saving an edited project',
    text: String.raw`Edit Environment
✕ The policy's default version was not created by enhanced zero click role creation or was not the most recent version created by enhanced zero click role creation.
Cancel   Update environment`,
  },
  {
    id: 'awscb-report-owner-applog-1', kind: 'app-log', set: 'dev', expect: P.reportBucketOwner,
    note: 'test report export to S3 fails',
    text: String.raw`[Container] 2025/05/20 12:40:03.318446 Preparing to copy TEST report junit-reports
[Container] 2025/05/20 12:40:03.501219 Expanding base directory path: build/test-results
[Container] 2025/05/20 12:40:03.503870 Found 17 file(s)
[Container] 2025/05/20 12:40:03.690772 Error in UPLOAD_ARTIFACTS phase: AccessDenied: The bucket owner for the report group does not match the owner of the S3 bucket.`,
  },
  {
    id: 'awscb-param-store-applog-1', kind: 'app-log', set: 'dev', expect: P.paramStore,
    note: 'env parameter-store variable with a name outside /CodeBuild/',
    text: String.raw`[Container] 2024/10/15 17:55:20.016384 Waiting for agent ping
[Container] 2024/10/15 17:55:21.018931 Waiting for DOWNLOAD_SOURCE
[Container] 2024/10/15 17:55:22.700524 Phase is DOWNLOAD_SOURCE
[Container] 2024/10/15 17:55:22.702331 Phase complete: DOWNLOAD_SOURCE State: FAILED
[Container] 2024/10/15 17:55:22.702349 Phase context status code: Decrypted Variables Error Message: parameter does not exist: /shop/prod/stripe_key`,
  },
  {
    id: 'awscb-param-store-described-1', kind: 'described', set: 'holdout', expect: P.paramStore,
    note: 'own words: SSM parameters in the buildspec env section',
    text: String.raw`I put our db password in SSM parameter store and reference it under env: parameter-store in the buildspec. build now fails before it even runs a command, says the parameter does not exist. it definitely exists, I can get it with the cli`,
  },
  {
    id: 'awscb-maven-described-1', kind: 'described', set: 'dev', expect: P.mavenRepo,
    note: 'own words: Maven ignores the repositories in the pom',
    text: String.raw`Our java builds in codebuild keep pulling dependencies from maven central instead of our nexus, even though the pom.xml lists nexus as the repository. locally mvn uses nexus fine. is something in the build image overriding it?`,
  },
  {
    id: 'awscb-non-us-chars-described-1', kind: 'described', set: 'dev', expect: P.nonUsChars,
    note: 'own words: file names with Japanese characters',
    text: String.raw`codebuild fails whenever the repo has files with japanese characters in the names, the same build on a dev machine is fine. do I need to set a locale or something?`,
  },
  {
    id: 'awscb-branch-filter-described-1', kind: 'described', set: 'dev', expect: P.branchFilter,
    note: 'own words: old option missing in the console',
    text: String.raw`The "branch filter" box is gone from the codebuild webhook settings?? I only want builds for pushes to develop, where did that option go`,
  },
  {
    id: 'awscb-status-not-reported-described-1', kind: 'described', set: 'dev', expect: P.statusNotReported,
    note: 'own words: no status on GitHub PRs',
    text: String.raw`We turned on "report build status" but the GitHub PRs never show the codebuild check, no green tick or red cross. the token belongs to a bot user that has read access to the repo`,
  },
  {
    id: 'awscb-wincore2019-described-1', kind: 'described', set: 'dev', expect: P.winCore2019,
    note: 'own words: image missing in one region',
    text: String.raw`can't select the windows server core 2019 image in codebuild, the environment image dropdown just doesn't list it. we're in eu-south-1 if that matters`,
  },
  {
    id: 'awscb-buildspec01-described-1', kind: 'described', set: 'holdout', expect: P.buildspec01,
    note: 'own words: state lost between commands; old buildspec version',
    text: String.raw`in our (pretty old) buildspec I cd into a subfolder and export a variable in one command, and the next command is back in the root folder and the variable is empty. like every line runs in a new shell`,
  },
  {
    id: 'awscb-bourne-shell-described-1', kind: 'described', set: 'dev', expect: P.bourneShell,
    note: 'own words: distroless custom image; message quoted partly',
    text: String.raw`switched our codebuild project to a tiny distroless custom image and now every build ends with "build container found dead before completing the build" before any command runs. the old image worked`,
  },
  {
    id: 'awscb-failed-to-start-described-1', kind: 'described', set: 'holdout', expect: P.failedToStart,
    note: 'own words: many builds at once',
    text: String.raw`when a lot of PRs come in at once some codebuild builds just show "Build failed to start" and never run. retrying later works. is there a limit on how many run at the same time?`,
  },
  {
    id: 'awscb-git-metadata-described-1', kind: 'described', set: 'dev', expect: P.gitMetadata,
    note: 'own words: .git is a file with local source cache',
    text: String.raw`since we enabled local source caching in codebuild our script that reads .git/HEAD breaks, .git is a file now not a directory. how do I get the git dir reliably?`,
  },

  // ================================================================ CodeCommit
  {
    id: 'awscc-rate429-terminal-1', kind: 'terminal', set: 'dev', expect: P.rate429,
    note: 'git fetch from a polling job',
    text: String.raw`$ git fetch --all
Fetching origin
fatal: unable to access 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/inventory-sync/': The requested URL returned error: 429
error: could not fetch origin`,
  },
  {
    id: 'awscc-rate429-described-1', kind: 'described', set: 'holdout', expect: P.rate429,
    note: 'own words: Rate Exceeded under many agents',
    text: String.raw`we have 40 jenkins agents polling the same codecommit repos every minute and lately clones fail with "Rate exceeded" or just crawl. what's the fix besides fewer agents?`,
  },
  {
    id: 'awscc-configparse-terminal-1', kind: 'terminal', set: 'dev', expect: P.configParse,
    note: 'aws configure on a Mac with a broken credentials file',
    text: String.raw`marta@MBP-Marta ~ % aws configure
AWS Access Key ID [None]: AKIA4EXAMPLEQ7T2LM5N
AWS Secret Access Key [None]:
Default region name [None]: eu-west-1
Default output format [None]: json

Unable to parse config file: /Users/marta/.aws/credentials
ConfigParseError`,
  },
  {
    id: 'awscc-helper-not-found-terminal-1', kind: 'terminal', set: 'dev', expect: P.helperNotFound,
    note: 'git push on Windows after an AWS CLI upgrade',
    text: String.raw`C:\src\billing-portal>git push origin feature/invoice-pdf
aws codecommit credential-helper $@ get: aws: command not found
Username for 'https://git-codecommit.us-west-2.amazonaws.com':`,
  },
  {
    id: 'awscc-git-config-quotes-terminal-1', kind: 'terminal', set: 'holdout', expect: P.gitConfigQuotes,
    note: 'Linux shell with double quotes: $@ expands, git prints usage',
    text: String.raw`ubuntu@ip-172-31-9-40:~$ git config --global credential.helper "!aws codecommit credential-helper $@"
-bash: !aws: event not found
ubuntu@ip-172-31-9-40:~$ git config --global credential.helper
usage: git config [<options>]

Config file location
    --global              use global config file
    --system              use system config file`,
  },
  {
    id: 'awscc-macos403-terminal-1', kind: 'terminal', set: 'dev', expect: P.macos403,
    note: 'macOS, push works at first, 403 later; keychain',
    text: String.raw`jon@MacBook-Pro reporting % git push
fatal: unable to access 'https://git-codecommit.eu-central-1.amazonaws.com/v1/repos/reporting/': The requested URL returned error: 403
jon@MacBook-Pro reporting % git config -l --show-origin | grep credential
file:/Library/Developer/CommandLineTools/usr/share/git-core/gitconfig	credential.helper=osxkeychain
file:/Users/jon/.gitconfig	credential.helper=!aws codecommit credential-helper $@
file:/Users/jon/.gitconfig	credential.usehttppath=true`,
  },
  {
    id: 'awscc-macos403-described-1', kind: 'described', set: 'holdout', expect: P.macos403,
    note: 'own words: works for a while then 403 on a Mac',
    text: String.raw`on my mac git to codecommit works right after I set up the aws credential helper, then ~15 min later every push/pull gives 403. deleting the keychain entry fixes it until next time`,
  },
  {
    id: 'awscc-windows403-described-1', kind: 'described', set: 'dev', expect: P.windows403,
    note: 'own words: Git for Windows credential manager + AWS helper',
    text: String.raw`Fresh Git for Windows install (kept the default Git Credential Manager), configured the aws cli credential helper for codecommit, and now clone gets a 403. aws cli itself works fine with the same profile.`,
  },
  {
    id: 'awscc-winprompt-dialog-1', kind: 'dialog', set: 'holdout', expect: P.winPrompt,
    note: 'Windows credential dialog popping up on git clone',
    text: String.raw`Git Credential Manager for Windows
Enter your credentials for 'https://git-codecommit.ap-northeast-1.amazonaws.com/'.
Username:
Password:
OK   Cancel`,
  },
  {
    id: 'awscc-kms-terminal-1', kind: 'terminal', set: 'dev', expect: P.kmsDenied,
    note: 'create-repository in a new account',
    text: String.raw`$ aws codecommit create-repository --repository-name data-contracts --region ca-central-1

An error occurred (EncryptionKeyAccessDeniedException) when calling the CreateRepository operation: User is not authorized for the KMS default master key for CodeCommit 'aws/codecommit' in your account.`,
  },
  {
    id: 'awscc-kms-terse-1', kind: 'terse', set: 'dev', expect: P.kmsDenied,
    note: 'search box: the exception name',
    text: String.raw`EncryptionKeyAccessDeniedException codecommit`,
  },
  {
    id: 'awscc-browse-denied-described-1', kind: 'described', set: 'dev', expect: P.browseDenied,
    note: 'own words: console shows access denied when browsing code',
    text: String.raw`Devs can clone and push to the codecommit repo fine with git, but in the AWS console clicking the repo to browse the code just shows an access denied error. we have an SCP / IAM policy that denies a bunch of stuff`,
  },
  {
    id: 'awscc-too-large-dialog-1', kind: 'dialog', set: 'dev', expect: P.tooLargeToDisplay,
    note: 'console diff view on a generated file',
    text: String.raw`Commits > 4f2a9c1 > Changes
package-lock.json
The file is too large to display. Download the file or view it locally.`,
  },
  {
    id: 'awscc-keeps-prompting-described-1', kind: 'described', set: 'holdout', expect: P.keepsPrompting,
    note: 'own words: HTTPS Git credentials asked every time',
    text: String.raw`I generated HTTPS git credentials for my IAM user and they work, but git asks me for username and password every single time I push or pull to codecommit from the terminal. on linux mint`,
  },
  {
    id: 'awscc-gc-not-used-described-1', kind: 'described', set: 'dev', expect: P.gcNotUsed,
    note: 'own words: old credential helper still in .gitconfig',
    text: String.raw`switched from the aws cli credential helper to the IAM git credentials (username/password) but git doesnt seem to use them at all, still behaves like before. do I need to remove something from my gitconfig?`,
  },
  {
    id: 'awscc-rpc56-terminal-1', kind: 'terminal', set: 'dev', expect: P.rpc56,
    note: 'migrating a big repo over HTTPS',
    text: String.raw`$ git push codecommit --all
Enumerating objects: 184211, done.
Counting objects: 100% (184211/184211), done.
Delta compression using up to 8 threads
Compressing objects: 100% (61820/61820), done.
error: RPC failed; result=56, HTTP code = 200
fatal: The remote end hung up unexpectedly
Writing objects: 100% (184211/184211), 2.31 GiB | 11.02 MiB/s, done.
Total 184211 (delta 119877), reused 180002 (delta 116540)
fatal: The remote end hung up unexpectedly
Everything up-to-date`,
  },
  {
    id: 'awscc-too-many-refs-terminal-1', kind: 'terminal', set: 'holdout', expect: P.tooManyRefs,
    note: 'mirror push of a repo with thousands of tags',
    text: String.raw`$ git push --mirror ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/legacy-monolith
Enumerating objects: 902113, done.
Total 902113 (delta 640012), reused 902113 (delta 640012), pack-reused 0
remote: error: Too many reference update commands
To ssh://git-codecommit.us-east-1.amazonaws.com/v1/repos/legacy-monolith
 ! [remote rejected]       release-3.0.0 -> release-3.0.0 (failed)`,
  },
  {
    id: 'awscc-gnutls-terminal-1', kind: 'terminal', set: 'dev', expect: P.gnutls,
    note: 'Ubuntu git over HTTPS',
    text: String.raw`dev@build-box-03:~/work$ git clone https://git-codecommit.eu-west-2.amazonaws.com/v1/repos/pricing-engine
Cloning into 'pricing-engine'...
error: gnutls_handshake() failed: The TLS connection was non-properly terminated. while accessing https://git-codecommit.eu-west-2.amazonaws.com/v1/repos/pricing-engine/info/refs?service=git-upload-pack
fatal: HTTP request failed`,
  },
  {
    id: 'awscc-gnutls-truncated-1', kind: 'truncated', set: 'holdout', expect: P.gnutls,
    note: 'only the start of the git error',
    text: String.raw`error: gnutls_handshake() failed: Error in the pull function. while accessing https://git-codecommit`,
  },
  {
    id: 'awscc-trailing-slash-terminal-1', kind: 'terminal', set: 'dev', expect: P.trailingSlash,
    note: 'clone URL pasted with a trailing slash',
    text: String.raw`PS C:\work> git clone https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/customer-portal/
Cloning into 'customer-portal'...
fatal: repository 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/customer-portal/' not found`,
  },
  {
    id: 'awscc-not-a-git-command-terminal-1', kind: 'terminal', set: 'dev', expect: P.notAGitCommand,
    note: 'grc installed with pip --user, not on PATH',
    text: String.raw`PS C:\Users\akim> git remote-codecommit --version
git: 'remote-codecommit' is not a git command. See 'git --help'.
PS C:\Users\akim> pip show git-remote-codecommit
Name: git-remote-codecommit
Version: 1.17
Location: c:\users\akim\appdata\roaming\python\python312\site-packages`,
  },
  {
    id: 'awscc-remote-helper-terminal-1', kind: 'terminal', set: 'holdout', expect: P.remoteHelper,
    note: 'codecommit:// clone in a fresh terminal',
    text: String.raw`$ git clone codecommit::eu-north-1://platform-infra
Cloning into 'platform-infra'...
fatal: Unable to find remote helper for 'codecommit'`,
  },
  {
    id: 'awscc-ide-clone-described-1', kind: 'described', set: 'dev', expect: P.ideClone,
    note: 'own words: IDE rejects codecommit:// URL',
    text: String.raw`Trying to clone our repo from inside IntelliJ using the codecommit://reponame URL that works in the terminal, but the IDE says the URL is not valid. is this supported?`,
  },
  {
    id: 'awscc-ssh-keyid-terminal-1', kind: 'terminal', set: 'holdout', expect: P.sshKeyIdLinux,
    note: 'ssh test after uploading the key to IAM, no User (SSH key ID) in ~/.ssh/config; neighbours: the two "public key denied" problems (setup not done at all)',
    text: String.raw`lena@ws-17:~$ ssh git-codecommit.eu-west-1.amazonaws.com
lena@git-codecommit.eu-west-1.amazonaws.com: Permission denied (publickey).
lena@ws-17:~$ cat ~/.ssh/config
Host git-codecommit.*.amazonaws.com
  IdentityFile ~/.ssh/codecommit_rsa`,
  },
  {
    id: 'awscc-host-authenticity-terminal-1', kind: 'terminal', set: 'dev', expect: P.hostAuthenticity,
    note: 'first SSH connection to the endpoint',
    text: String.raw`$ git clone ssh://git-codecommit.sa-east-1.amazonaws.com/v1/repos/mobile-app
Cloning into 'mobile-app'...
The authenticity of host 'git-codecommit.sa-east-1.amazonaws.com (54.232.40.19)' can't be established.
RSA key fingerprint is SHA256:Qm3d0bY2o7u9lq0oAq6W2e1Vh8WzGQ4yT3X5s2c9dLk.
Are you sure you want to continue connecting (yes/no/[fingerprint])?`,
  },
  {
    id: 'awscc-iam-invalid-format-dialog-1', kind: 'dialog', set: 'dev', expect: P.iamInvalidFormat,
    note: 'IAM console, Upload SSH public key',
    text: String.raw`Upload SSH public key
SSH public key
---- BEGIN SSH2 PUBLIC KEY ----
Comment: "rsa-key-20250311"
AAAAB3NzaC1yc2EAAAADAQABAAABAQCx...
Invalid format
Cancel   Upload SSH public key`,
  },
  {
    id: 'awscc-multi-account-described-1', kind: 'described', set: 'holdout', expect: P.multiAccount,
    note: 'own words: two accounts, one ssh config',
    text: String.raw`I need ssh access to codecommit repos in two different AWS accounts (prod and sandbox) from the same laptop. how do I set up ~/.ssh/config so each one uses the right key id?`,
  },
  {
    id: 'awscc-putty-freeze-terminal-1', kind: 'terminal', set: 'dev', expect: P.puttyFreeze,
    note: 'Git Bash with GIT_SSH pointing at plink, prompt does not take input',
    text: String.raw`MINGW64 ~/src/hr-portal (main)
$ git pull
The server's host key is not cached in the registry. You
have no guarantee that the server is the computer you
think it is.
The server's rsa2 key fingerprint is:
ssh-rsa 2048 a4:1f:9c:02:77:3e:b0:5d:c8:61:e2:14:9a:0b:73:ee
If you trust this host, enter "y" to add the key to
PuTTY's cache and carry on connecting.
Store key in cache? (y/n)`,
  },
  {
    id: 'awscc-trigger-described-1', kind: 'described', set: 'dev', expect: P.trigger,
    note: 'own words: trigger to Lambda never fires',
    text: String.raw`set up a codecommit trigger that should call a lambda on every push to main, but the lambda never gets invoked. no errors anywhere. the trigger shows in the repo settings`,
  },

  // ================================================================ CodeDeploy
  {
    id: 'awscd-commandpoller-applog-1', kind: 'app-log', set: 'dev', expect: P.commandPoller,
    note: 'codedeploy-agent.log on an instance without an instance profile',
    text: String.raw`2025-03-11T08:14:50 INFO  [codedeploy-agent(2114)]: [Aws::CodeDeployCommand::Client 200 0.031 0 retries] poll_host_command(host_identifier:"arn:aws:ec2:eu-west-1:290344180712:instance/i-0b7e2d94c1f35a8e6")
2025-03-11T08:14:52 ERROR [codedeploy-agent(2114)]: InstanceAgent::Plugins::CodeDeployPlugin::CommandPoller: Missing credentials - please check if this instance was started with an IAM instance profile
2025-03-11T08:15:52 ERROR [codedeploy-agent(2114)]: InstanceAgent::Plugins::CodeDeployPlugin::CommandPoller: Missing credentials - please check if this instance was started with an IAM instance profile`,
  },
  {
    id: 'awscd-commandpoller-terse-1', kind: 'terse', set: 'holdout', expect: P.commandPoller,
    note: 'search box: the plugin name',
    text: String.raw`CommandPoller Missing credentials codedeploy agent`,
  },
  {
    id: 'awscd-asg-reboot-described-1', kind: 'described', set: 'dev', expect: P.asgReboot,
    note: 'own words: Windows AMI in an ASG renames the computer at boot; the PKCS7 problem it replaces has its fix only as a link, which the importer does not count as a fix',
    text: String.raw`deployments to new windows instances in our auto scaling group fail every time. our AMI has EC2Config set to rename the computer on first boot, so the instance restarts right when codedeploy starts`,
  },
  {
    id: 'awscd-file-exists-dialog-1', kind: 'dialog', set: 'dev', expect: P.fileExists,
    note: 'console deployment event: Install failed',
    text: String.raw`Event           Duration       Status   Error code     Start time   End time
ApplicationStop less than one second  Succeeded
DownloadBundle  2 seconds      Succeeded
BeforeInstall   less than one second  Succeeded
Install         less than one second  Failed   UnknownError
The deployment failed because a specified file already exists at this location: /var/www/html/index.html`,
  },
  {
    id: 'awscd-file-exists-described-1', kind: 'described', set: 'holdout', expect: P.fileExists,
    note: 'own words: redeploy to the same instances fails in Install',
    text: String.raw`we created a new codedeploy application for the same servers and now every deployment fails in the Install step complaining a file already exists at the target path. the old app had deployed the same files there`,
  },
  {
    id: 'awscd-long-paths-applog-1', kind: 'app-log', set: 'dev', expect: P.longPaths,
    note: 'Windows agent log, deep node_modules path',
    text: String.raw`2025-01-08T13:41:27 ERROR [codedeploy-agent(4412)]: InstanceAgent::Plugins::CodeDeployPlugin::CommandExecutor: Error during perform: Errno::ENOENT - No such file or directory @ dir_s_mkdir - C:/inetpub/apps/storefront/node_modules/@corp/ui-kit/node_modules/some-very-long-package-name/dist/esm/components/forms/inputs/date-range-picker/locales/generated
2025-01-08T13:41:27 INFO  [codedeploy-agent(4412)]: Install: failed`,
  },
  {
    id: 'awscd-long-running-described-1', kind: 'described', set: 'dev', expect: P.longRunning,
    note: 'own words: start script never returns',
    text: String.raw`our ApplicationStart script starts the java app with nohup and then codedeploy just sits on that step until it times out and fails the deployment, even though the app is actually up.`,
  },
  {
    id: 'awscd-allowtraffic-described-1', kind: 'described', set: 'holdout', expect: P.allowTraffic,
    note: 'own words: blue/green fails at AllowTraffic, logs empty',
    text: String.raw`blue/green deployment keeps failing at AllowTraffic and there's nothing in the deployment logs at all, all other events succeeded. we're behind an ALB`,
  },
  {
    id: 'awscd-applicationstop-applog-1', kind: 'app-log', set: 'dev', expect: P.applicationStop,
    note: 'deployment log: the previous revision stop script fails',
    text: String.raw`[2025-04-14 09:22:01.481] [d-7HQ2XK9LB] LifecycleEvent - ApplicationStop
[2025-04-14 09:22:01.482] [d-7HQ2XK9LB] Script - scripts/stop_service.sh
[2025-04-14 09:22:01.493] [d-7HQ2XK9LB] [stderr]Failed to stop orders-api.service: Unit orders-api.service not loaded.
Script at specified location: scripts/stop_service.sh run as user root failed with exit code 1`,
  },
  {
    id: 'awscd-download-bundle-terminal-1', kind: 'terminal', set: 'holdout', expect: P.downloadBundle,
    note: 'get-deployment-instance output',
    text: String.raw`$ aws deploy get-deployment-instance --deployment-id d-3FJ8W2QZC --instance-id i-06d1c5e7a2b94f310
...
                {
                    "lifecycleEventName": "DownloadBundle",
                    "diagnostics": {
                        "errorCode": "UnknownError",
                        "scriptName": "",
                        "message": "not opened for reading",
                        "logTail": ""
                    },
                    "status": "Failed"
                },`,
  },
  {
    id: 'awscd-all-skipped-dialog-1', kind: 'dialog', set: 'dev', expect: P.allSkipped,
    note: 'console: every lifecycle event Skipped',
    text: String.raw`Deployment status: Failed
The overall deployment failed because too many individual instances failed deployment, too few healthy instances are available for deployment, or some instances in your deployment group are experiencing problems.
Instance ID            Status   Events
i-0f3a9b27c51d84e60    Failed   ApplicationStop Skipped, DownloadBundle Skipped, BeforeInstall Skipped, Install Skipped, AfterInstall Skipped, ApplicationStart Skipped, ValidateService Skipped`,
  },
  {
    id: 'awscd-powershell64-described-1', kind: 'described', set: 'dev', expect: P.powershell64,
    note: 'own words: script runs as 32-bit PowerShell',
    text: String.raw`our AfterInstall powershell script on windows server calls a module that only exists in 64 bit powershell and it fails under codedeploy, but works when I run it by hand. seems codedeploy starts the 32-bit one?`,
  },
  {
    id: 'awscd-asg-permission-dialog-1', kind: 'dialog', set: 'holdout', expect: P.asgPermission,
    note: 'console error creating a deployment to an ASG with a launch template',
    text: String.raw`Deployment failed
CodeDeployRole does not give you permission to perform operations in the following AWS service: AmazonAutoScaling. Contact your AWS administrator if you need help. If you are an AWS administrator, you can grant permissions to your users or groups by creating IAM policies.`,
  },
  {
    id: 'awscd-asg-loop-described-1', kind: 'described', set: 'dev', expect: P.asgLoop,
    note: 'own words: ASG churns instances',
    text: String.raw`our auto scaling group keeps launching instances and killing them a few minutes later, over and over, and the codedeploy deployment to them never succeeds. it started after a bad release`,
  },
  {
    id: 'awscd-heartbeat-applog-1', kind: 'app-log', set: 'dev', expect: P.heartbeat,
    note: 'Auto Scaling activity history',
    text: String.raw`Status       Description                                        Cause
Cancelled    Launching a new EC2 instance: i-0a2c4e6f81b3d5079. Status Reason: Instance failed to complete user's Lifecycle Action: Lifecycle Action with token 3c8f0e1a-9d24-4b7e-8f61-52a0c9d7e3b4 was abandoned: Heartbeat Timeout   At 2025-02-03T06:11:40Z an instance was started in response to a difference between desired and actual capacity`,
  },
  {
    id: 'awscd-heartbeat-terse-1', kind: 'terse', set: 'holdout', expect: P.heartbeat,
    note: 'search box',
    text: String.raw`lifecycle action abandoned heartbeat timeout autoscaling codedeploy`,
  },
  {
    id: 'awscd-hook-mismatch-described-1', kind: 'described', set: 'holdout', expect: P.hookMismatch,
    note: 'own words: recreated ASG, automatic deployments stopped',
    text: String.raw`after we recreated the auto scaling group with terraform, new instances no longer get the app deployed automatically by codedeploy. manual deployments still work. I suspect the lifecycle hook got renamed`,
  },
  {
    id: 'awscd-no-instances-terminal-1', kind: 'terminal', set: 'dev', expect: P.noInstances,
    note: 'create-deployment then get-deployment errorInformation',
    text: String.raw`$ aws deploy get-deployment --deployment-id d-9TQ4M1VXB --query deploymentInfo.errorInformation
{
    "code": "NO_INSTANCES",
    "message": "The deployment failed because no instances were found for your deployment group. Check your deployment group settings to make sure the tags for your EC2 instances or Auto Scaling groups correctly identify the instances you want to deploy to, and then try again."
}`,
  },
  {
    id: 'awscd-tagged-no-deploy-described-1', kind: 'described', set: 'dev', expect: P.taggedNoDeploy,
    note: 'own words: new tagged instance gets no app',
    text: String.raw`I added a new ec2 instance with the same tag as our codedeploy deployment group, but the app never got installed on it. do I have to do something after tagging it?`,
  },
  {
    id: 'awscd-lambda-stopped-described-1', kind: 'described', set: 'holdout', expect: P.lambdaStopped,
    note: 'own words: Lambda alias stuck after a stopped deployment',
    text: String.raw`I stopped a codedeploy lambda deployment halfway (no rollback configured) and since then every new deployment of that function fails. the alias seems to point at two versions with weights`,
  },
  {
    id: 'awscd-one-hour-described-1', kind: 'described', set: 'dev', expect: P.oneHour,
    note: 'own words: terminated instance, deployment shows in progress for an hour',
    text: String.raw`an instance got terminated in the middle of a deployment and the codedeploy deployment just stays "In progress" for like an hour before it finally shows failed. our script timeout is 5 minutes so why so long?`,
  },
  {
    id: 'awscd-signature-expired-applog-1', kind: 'app-log', set: 'dev', expect: P.signatureExpired,
    note: 'agent log on an instance with a wrong clock',
    text: String.raw`2025-06-02T03:58:41 ERROR [codedeploy-agent(3021)]: InstanceAgent::Plugins::CodeDeployPlugin::CommandPoller: Error polling for host commands: Aws::CodeDeployCommand::Errors::InvalidSignatureException - Signature expired: 20250602T035841Z is now earlier than 20250602T041912Z (20250602T042412Z - 5 min.)`,
  },
  {
    id: 'awscd-signature-expired-truncated-1', kind: 'truncated', set: 'holdout', expect: P.signatureExpired,
    note: 'start of the exception only',
    text: String.raw`InvalidSignatureException - Signature expired: 20241130T2210`,
  },
  {
    id: 'awscd-text-editors-applog-1', kind: 'app-log', set: 'holdout', expect: P.textEditors,
    note: 'script written on Windows, CRLF line endings',
    text: String.raw`[2025-05-07 15:30:12.004] [d-K2R8PZ4QA] LifecycleEvent - AfterInstall
[2025-05-07 15:30:12.005] [d-K2R8PZ4QA] Script - scripts/after_install.sh
[2025-05-07 15:30:12.011] [d-K2R8PZ4QA] [stderr]/usr/bin/env: 'bash\r': No such file or directory
Script at specified location: scripts/after_install.sh run as user root failed with exit code 127`,
  },
  {
    id: 'awscd-finder-described-1', kind: 'described', set: 'dev', expect: P.finderZip,
    note: 'own words: zipped on a Mac with Finder',
    text: String.raw`I zipped the revision on my mac (right click > compress) and uploaded to s3, deployment fails saying it can't find the appspec. when a colleague zips the same folder on linux it works`,
  },
  {
    id: 'awscd-roles-gone-described-1', kind: 'described', set: 'holdout', expect: P.rolesGone,
    note: 'own words: roles disappeared with a CFN stack',
    text: String.raw`someone deleted an old cloudformation stack and now codedeploy stopped working, the service role and instance profile it used aren't in IAM anymore`,
  },
  {
    id: 'awscd-github-token-dialog-1', kind: 'dialog', set: 'dev', expect: P.githubToken,
    note: 'console when creating a GitHub deployment',
    text: String.raw`Create deployment
Revision type: My application is stored in GitHub
GitHub token name: build-bot
✕ The GitHub OAuth token is invalid or has been revoked. Reconnect to GitHub and try again.`,
  },
  {
    id: 'awscd-github-token-max-described-1', kind: 'described', set: 'holdout', expect: P.githubTokenMax,
    note: 'own words: oldest GitHub connections stop working',
    text: String.raw`We connect codedeploy to github from lots of applications and now the oldest ones give github token errors while the newest ones work. is there a cap on how many github tokens codedeploy keeps?`,
  },

  // ================================================================ CodePipeline
  {
    id: 'awscp-eb-elb-dialog-1', kind: 'dialog', set: 'dev', expect: P.ebElb,
    note: 'pipeline stage Deploy, action details',
    text: String.raw`Deploy
Elastic_Beanstalk_Deploy   Failed - 3 minutes ago
Action execution details
Deployment failed. The provided role does not have sufficient permissions: Service:AmazonElasticLoadBalancing, Action:DescribeTargetHealth
Retry   Details`,
  },
  {
    id: 'awscp-eb-describe-events-described-1', kind: 'described', set: 'holdout', expect: P.ebDescribeEvents,
    note: 'own words: Beanstalk deploy stage stuck In progress',
    text: String.raw`codepipeline deploy stage to elastic beanstalk just hangs "In progress" forever, no error, even though the new version is live in the EB env. we use a custom pipeline service role`,
  },
  {
    id: 'awscp-codecommit-access-dialog-1', kind: 'dialog', set: 'dev', expect: P.pipelineCodeCommit,
    note: 'Source stage failure',
    text: String.raw`Source
Source   Failed - Just now
Insufficient permissions
Could not access the CodeCommit repository billing-api. Make sure that the pipeline IAM role has sufficient permissions to access the repository.`,
  },
  {
    id: 'awscp-jenkins-described-1', kind: 'described', set: 'dev', expect: P.jenkins,
    note: 'own words: Jenkins action runs forever',
    text: String.raw`the jenkins build action in our pipeline runs for ages and eventually fails, jenkins itself never picks up the job. Jenkins is on an ec2 box with an instance role`,
  },
  {
    id: 'awscp-cross-region-dialog-1', kind: 'dialog', set: 'holdout', expect: P.crossRegion,
    note: 'action failed with InternalError / JobFailed',
    text: String.raw`Build
CodeBuild   Failed
Action execution failed
InternalError. Error reference code: 6c1e4a0f-27b9-4d83-9e55-0b41f7a2c8d3.
Error code: JobFailed`,
  },
  {
    id: 'awscp-war-in-zip-described-1', kind: 'described', set: 'dev', expect: P.warInZip,
    note: 'own words: deployed fine, app URL 404',
    text: String.raw`Pipeline builds our spring app into a .war and deploys to beanstalk, deploy says success but the app url just returns 404 Not Found. buildspec artifacts section only lists target/app.war`,
  },
  {
    id: 'awscb-no-status-described-1', kind: 'described', set: 'dev', expect: P.noStatus,
    note: 'own words: retried builds show no result',
    text: String.raw`when I retry a codebuild build from the PR the retried one never shows whether it passed or failed, there's just no status at all. the first run did show one`,
  },
  {
    id: 'awscp-ecs-taskdef-dialog-1', kind: 'dialog', set: 'dev', expect: P.ecsTaskDef,
    note: 'Deploy (CodeDeployToECS) action failure',
    text: String.raw`Deploy
Deploy_to_ECS   Failed
Action execution failed
Exception while trying to read the task definition artifact file from: BuildArtifact`,
  },
  {
    id: 'awscp-github-v2-described-1', kind: 'described', set: 'dev', expect: P.githubV2,
    note: 'own words: cannot finish the GitHub connection',
    text: String.raw`trying to create the github (version 2) source connection in codepipeline, I authorize the aws connector app but can't finish the connection for our org repo. I'm just a regular member of the org`,
  },
  {
    id: 'awscp-s3-denied-dialog-1', kind: 'dialog', set: 'holdout', expect: P.pipelineS3Denied,
    note: 'CodeCommit source action error message',
    text: String.raw`Source
Source   Failed
CodePipeline service role "arn:aws:iam::730041289553:role/service-role/AWSCodePipelineServiceRole-eu-west-1-web" is getting S3 access denied for the S3 bucket "codepipeline-eu-west-1-418877102236"`,
  },
  {
    id: 'awscp-no-autostart-described-1', kind: 'described', set: 'dev', expect: P.noAutoStart,
    note: 'own words: changed branch name, pipeline no longer triggers',
    text: String.raw`changed the source branch of our pipeline from release-1 to release-2 in the console and since then pushes don't start the pipeline anymore, I have to click release change by hand`,
  },

  // ================================================================ negatives
  neg({
    id: 'neg-awscb-npm-test-failed', corpus, set: 'dev',
    note: 'near-miss: CodeBuild log, build fails on the project\'s own unit tests',
    text: String.raw`[Container] 2025/03/02 10:41:12.551820 Running command npm test
> web@3.2.0 test
> jest --ci

FAIL src/cart/total.test.ts
  ● cart total › applies the voucher
    expect(received).toBe(expected) // Object.is equality
    Expected: 90
    Received: 100
Tests:       1 failed, 212 passed, 213 total
[Container] 2025/03/02 10:41:40.104332 Command did not exit successfully npm test exit status 1
[Container] 2025/03/02 10:41:40.108777 Phase complete: BUILD State: FAILED`,
  }),
  neg({
    id: 'neg-awscd-validate-service', corpus, set: 'holdout',
    note: 'near-miss: CodeDeploy ValidateService health check script fails (the app answers 502); no article for it',
    text: String.raw`[2025-02-19 17:05:44.118] [d-5WB7N3KQX] LifecycleEvent - ValidateService
[2025-02-19 17:05:44.119] [d-5WB7N3KQX] Script - scripts/healthcheck.sh
[2025-02-19 17:06:14.220] [d-5WB7N3KQX] [stdout]curl: (22) The requested URL returned error: 502
Script at specified location: scripts/healthcheck.sh run as user ec2-user failed with exit code 22`,
  }),
  neg({
    id: 'neg-awscc-non-fast-forward', corpus, set: 'dev',
    note: 'near-miss: git push to CodeCommit rejected as non-fast-forward (a Git workflow matter, not in the KB)',
    text: String.raw`$ git push origin main
To https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/catalog
 ! [rejected]        main -> main (fetch first)
error: failed to push some refs to 'https://git-codecommit.eu-west-1.amazonaws.com/v1/repos/catalog'
hint: Updates were rejected because the remote contains work that you do
hint: not have locally.`,
  }),
  neg({
    id: 'neg-awscp-cfn-rollback-complete', corpus, set: 'holdout',
    note: 'near-miss: CodePipeline CloudFormation deploy action on a stack in ROLLBACK_COMPLETE',
    text: String.raw`Deploy
CreateUpdateStack   Failed
Action execution failed
Stack orders-api-prod is in ROLLBACK_COMPLETE state and can not be updated. (Service: AmazonCloudFormation; Status Code: 400; Error Code: ValidationError; Request ID: 1b7e0c52-8a4d-4f31-b96e-7d20c3e5f918; Proxy: null)`,
  }),
  neg({
    id: 'neg-ecr-token-expired', corpus, set: 'dev',
    note: 'near-miss: local docker push to ECR with an expired login token',
    text: String.raw`$ docker push 663240118907.dkr.ecr.eu-central-1.amazonaws.com/etl-builder:1.8.2
The push refers to repository [663240118907.dkr.ecr.eu-central-1.amazonaws.com/etl-builder]
5f70bf18a086: Preparing
denied: Your authorization token has expired. Reauthenticate and try again.`,
  }),
  neg({
    id: 'neg-gha-terminal-prompts-disabled', corpus, set: 'dev',
    note: 'near-miss: GitHub Actions checkout of a private submodule, git credentials missing (another CI, another host)',
    text: String.raw`Run git submodule update --init --recursive
Submodule 'vendor/shared-ui' (https://github.com/acme-corp/shared-ui.git) registered for path 'vendor/shared-ui'
Cloning into '/home/runner/work/app/app/vendor/shared-ui'...
fatal: could not read Username for 'https://github.com': terminal prompts disabled
fatal: clone of 'https://github.com/acme-corp/shared-ui.git' into submodule path failed
Error: Process completed with exit code 1.`,
  }),
  neg({
    id: 'neg-node-redis-econnrefused', corpus, set: 'holdout',
    note: 'out of KB: Node app cannot reach Redis',
    text: String.raw`Error: connect ECONNREFUSED 127.0.0.1:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1607:16) {
  errno: -111,
  code: 'ECONNREFUSED',
  syscall: 'connect',
  address: '127.0.0.1',
  port: 6379
}`,
  }),
  neg({
    id: 'neg-python-pandas-keyerror', corpus, set: 'dev',
    note: 'out of KB: pandas KeyError in a data script',
    text: String.raw`Traceback (most recent call last):
  File "/srv/reports/monthly.py", line 48, in <module>
    totals = df.groupby("region")["net_amount"].sum()
  File "/srv/reports/.venv/lib/python3.11/site-packages/pandas/core/groupby/generic.py", line 1951, in __getitem__
    return super().__getitem__(key)
KeyError: 'Column not found: net_amount'`,
  }),
  neg({
    id: 'neg-java-oom-tomcat', corpus, set: 'dev',
    note: 'out of KB: Java heap exhaustion in a Tomcat app',
    text: String.raw`02-Jun-2025 14:22:07.311 SEVERE [http-nio-8080-exec-17] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet [dispatcher] in context with path [/shop] threw exception
java.lang.OutOfMemoryError: Java heap space
	at java.base/java.util.Arrays.copyOf(Arrays.java:3537)
	at com.fasterxml.jackson.core.util.ByteArrayBuilder.toByteArray(ByteArrayBuilder.java:118)`,
  }),
  neg({
    id: 'neg-terraform-ec2-unauthorized', corpus, set: 'dev',
    note: 'out of KB: Terraform creating an EC2 instance without permission (AWS, but not the developer tools)',
    text: String.raw`│ Error: creating EC2 Instance: UnauthorizedOperation: You are not authorized to perform this operation. User: arn:aws:iam::290344180712:user/ci-deployer is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:290344180712:instance/*
│ 	status code: 403, request id: 0c9d2e8b-5f41-4a7e-a3b6-e18f72d04c55
│
│   with aws_instance.bastion,
│   on main.tf line 12, in resource "aws_instance" "bastion":`,
  }),
]

export default cases.map((c) => ({ corpus, ...c }))
