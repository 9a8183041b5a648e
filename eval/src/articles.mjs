// Ids of the articles the cases expect, one name each, shared by the case files.

// Bundled articles (articles/*.md).
export const Q = 'httpsys-503-queuefull-request-queue'
export const C = 'iis-500-19-0x8007000d-invalid-config'
export const R = 'iis-503-app-pool-rapid-fail-protection'
export const A = 'iis-arr-502-3-timeout-0x80072ee2'
export const K = 'iis-kerberos-krb-ap-err-modified-duplicate-spn'
export const W = 'iis-w3wp-crash-was-5011-5009'
export const X = 'iis51-static-files-403-500-win32-6-bmnet-lsp'
export const N = 'iis6-connections-refused-nonpaged-pool'
export const L = 'lb-502-504-idle-timeout-keepalive-mismatch'
export const M = 'mobilefirst-farm-503-after-heartbeat-timeout'
export const G = 'nginx-504-upstream-timed-out-110'
export const S = 'schannel-tls-handshake-failure-alert-40'
export const SA = 'siteminder-iis-agent-sm-agentapi-init-failed-stale-connections'
export const SS = 'siteminder-llawp-will-not-load-shared-secret'
export const T = 'tls-incomplete-certificate-chain-load-balancer'
export const E = 'windows-tcp-ephemeral-port-exhaustion'

/** An imported SQL Server error reference article (mssql-errors corpus), by error number. */
export const sql = (n) => `mssqlserver-${n}-database-engine-error`
