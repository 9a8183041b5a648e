/**
 * Vocabulary pools for the KB generator: products with their versions, components, log sources,
 * message-id styles, settings and commands; real error codes of each kind; and the common words
 * of troubleshooting prose. Lists are ordered roughly by how often a vendor KB uses them, so a
 * skewed pick gives a realistic head of common terms; the generator adds the long tail.
 */

/** How a product's own message ids look. */
export type MessageStyle = 'ibm' | 'oracle' | 'mq' | 'sql' | 'f5' | 'postgres' | 'none'

export interface ProductDef {
  /** Display name, as in `products:`. */
  name: string
  /** Short name for titles. */
  short: string
  versions: readonly string[]
  platform: 'windows' | 'unix' | 'any'
  /** Real component files. */
  components: readonly string[]
  /** Event Viewer sources or log categories. */
  sources: readonly string[]
  /** Log files the product writes. */
  logs: readonly string[]
  style: MessageStyle
  /** Message-id prefixes (IBM style: `SRVE`, `CWWKS`). */
  prefixes: readonly string[]
  /** Exception namespaces used by this product. */
  namespaces: readonly string[]
  /** Real exception classes this product throws. */
  exceptions: readonly string[]
  /** Domain nouns: what breaks in this product. */
  nouns: readonly string[]
  /** Configuration settings. */
  settings: readonly string[]
  /** Commands an admin runs. */
  commands: readonly string[]
  tags: readonly string[]
  /** Synthetic component stems (long tail: `<Prefix><Stem><Suffix>.dll`). */
  stem: string
  ext: string
}

export const PRODUCTS: readonly ProductDef[] = [
  {
    name: 'IIS',
    short: 'IIS',
    versions: ['7.5', '8.0', '8.5', '10.0'],
    platform: 'windows',
    components: ['w3wp.exe', 'iiscore.dll', 'http.sys', 'aspnetcore.dll', 'rewrite.dll', 'iisw3adm.dll', 'authsspi.dll', 'w3isapi.dll', 'aspnetcorev2.dll'],
    sources: ['W3SVC', 'WAS', 'IIS-W3SVC-WP', 'HttpEvent', 'IIS AspNetCore Module V2', 'ASP.NET 4.0.30319.0'],
    logs: ['HTTPERR', 'u_ex<date>.log', 'Failed Request Tracing log', 'stdout log'],
    style: 'none',
    prefixes: [],
    namespaces: ['System.Web', 'Microsoft.AspNetCore.Server.IIS', 'System.Web.Hosting'],
    exceptions: ['System.Web.HttpException', 'System.Web.HttpRequestValidationException', 'System.Configuration.ConfigurationErrorsException'],
    nouns: ['application pool', 'worker process', 'site binding', 'request queue', 'web.config', 'handler mapping', 'virtual directory', 'URL rewrite rule', 'SSL binding', 'app pool identity'],
    settings: ['queueLength', 'maxConcurrentRequestsPerCPU', 'idleTimeout', 'rapidFailProtection', 'maxAllowedContentLength', 'requestTimeout', 'startupTimeLimit', 'loadUserProfile', 'enable32BitAppOnWin64'],
    commands: ['iisreset', 'appcmd list wp', 'netsh http show servicestate', 'appcmd list apppool /state:Stopped', 'Get-WebAppPoolState', 'netsh http show sslcert'],
    tags: ['iis', 'asp.net', 'http.sys', 'application-pool', 'web.config'],
    stem: 'Iis',
    ext: 'dll',
  },
  {
    name: 'Microsoft SQL Server',
    short: 'SQL Server',
    versions: ['2016', '2017', '2019', '2022'],
    platform: 'windows',
    components: ['sqlservr.exe', 'sqlncli11.dll', 'msodbcsql17.dll', 'sqlagent.exe', 'SQLBrowser.exe', 'hkengine.dll'],
    sources: ['MSSQLSERVER', 'SQLSERVERAGENT', 'MSSQL$SQLEXPRESS'],
    logs: ['ERRORLOG', 'SQLAGENT.OUT', 'system_health session'],
    style: 'sql',
    prefixes: [],
    namespaces: ['System.Data.SqlClient', 'Microsoft.Data.SqlClient'],
    exceptions: ['System.Data.SqlClient.SqlException', 'Microsoft.Data.SqlClient.SqlException', 'System.InvalidOperationException'],
    nouns: ['login', 'availability group', 'transaction log', 'tempdb', 'linked server', 'connection pool', 'deadlock', 'listener', 'database mirroring endpoint', 'SQL Agent job'],
    settings: ['max server memory', 'MAXDOP', 'cost threshold for parallelism', 'Connect Timeout', 'Max Pool Size', 'MultiSubnetFailover', 'TrustServerCertificate', 'remote query timeout'],
    commands: ['sqlcmd -S <server> -E', 'DBCC CHECKDB', 'sp_who2', 'setspn -L <service_account>', 'Get-Service MSSQLSERVER', 'SELECT * FROM sys.dm_exec_requests'],
    tags: ['sql-server', 'database', 'ado.net', 'odbc', 'availability-groups'],
    stem: 'Sql',
    ext: 'dll',
  },
  {
    name: 'CA SiteMinder Web Agent',
    short: 'SiteMinder',
    versions: ['12.51', '12.52 SP1', '12.52 SP2', '12.8'],
    platform: 'any',
    components: ['LLAWP.exe', 'SmAgentApi.dll', 'ISAPI6WebAgent.dll', 'smreghost.exe', 'mod_sm24.so', 'smhost.conf'],
    sources: ['SiteMinder Web Agent', 'LLAWP', 'SMPolicyServer'],
    logs: ['smps.log', 'WebAgent.log', 'WebAgentTrace.log', 'smaccesslog4'],
    style: 'none',
    prefixes: [],
    namespaces: ['com.netegrity.sdk', 'com.ca.siteminder'],
    exceptions: ['com.netegrity.sdk.apiutil.SmApiException'],
    nouns: ['trusted host', 'shared secret', 'policy server', 'agent configuration object', 'SMSESSION cookie', 'host configuration object', 'realm', 'authentication scheme'],
    settings: ['EnableWebAgent', 'PolicyServer', 'CookieDomain', 'MaxSocketsPerPort', 'RequestTimeout', 'AgentName', 'BadUrlChars', 'PersistentIPCheck'],
    commands: ['smreghost -i <policy_server>', 'smpolicysrv -stop', 'smobjexport', 'smkeytool -listCerts'],
    tags: ['siteminder', 'sso', 'web-agent', 'policy-server'],
    stem: 'Sm',
    ext: 'dll',
  },
  {
    name: 'IBM WebSphere Application Server',
    short: 'WebSphere',
    versions: ['8.5.5', '9.0.5', 'Liberty 23.0.0.9', 'Liberty 24.0.0.3'],
    platform: 'any',
    components: ['com.ibm.ws.runtime.jar', 'plugin-cfg.xml', 'mod_was_ap24_http.so', 'wsadmin.sh', 'server.xml'],
    sources: ['SystemOut.log', 'SystemErr.log', 'FFDC'],
    logs: ['SystemOut.log', 'SystemErr.log', 'http_plugin.log', 'messages.log', 'trace.log'],
    style: 'ibm',
    prefixes: ['SRVE', 'WSVR', 'CWWKS', 'CWWKZ', 'J2CA', 'DSRA', 'CWPKI', 'HMGR', 'WTRN', 'CWWKO'],
    namespaces: ['com.ibm.ws.webcontainer', 'com.ibm.websphere.ce.cm', 'com.ibm.ws.security', 'com.ibm.ws.rsadapter'],
    exceptions: ['com.ibm.websphere.ce.cm.StaleConnectionException', 'com.ibm.ws.exception.RuntimeError', 'com.ibm.websphere.security.WSSecurityException'],
    nouns: ['data source', 'JDBC provider', 'node agent', 'deployment manager', 'web container thread pool', 'LTPA token', 'plug-in configuration', 'SSL configuration', 'JVM heap', 'transaction log'],
    settings: ['maxConnections', 'agedTimeout', 'purgePolicy', 'ConnectTimeout', 'ServerIOTimeout', 'com.ibm.ws.webcontainer.invokeFlushAfterService', 'maximumHeapSize'],
    commands: ['wsadmin.sh -lang jython', 'stopServer.sh server1', 'syncNode.sh <dmgr_host>', 'GenPluginCfg.sh', 'ikeycmd -cert -list'],
    tags: ['websphere', 'java', 'jdbc', 'ltpa', 'liberty'],
    stem: 'Ws',
    ext: 'jar',
  },
  {
    name: 'IBM MQ',
    short: 'MQ',
    versions: ['9.1', '9.2', '9.3', '9.4'],
    platform: 'any',
    components: ['amqrmppa', 'runmqlsr', 'amqzlaa0', 'mqm.dll', 'com.ibm.mq.allclient.jar'],
    sources: ['IBM MQ', 'AMQERR01.LOG'],
    logs: ['AMQERR01.LOG', 'FDC files', 'channel status'],
    style: 'mq',
    prefixes: ['AMQ'],
    namespaces: ['com.ibm.mq', 'com.ibm.msg.client.jms'],
    exceptions: ['com.ibm.mq.MQException', 'com.ibm.msg.client.jms.DetailedJMSException', 'javax.jms.JMSException'],
    nouns: ['queue manager', 'sender channel', 'server-connection channel', 'transmission queue', 'dead-letter queue', 'channel authentication record', 'listener', 'cluster repository'],
    settings: ['MAXCHL', 'HBINT', 'SHARECNV', 'CHLAUTH', 'MAXDEPTH', 'SSLCIPH', 'MCAUSER', 'KAINT'],
    commands: ['runmqsc <qmgr>', 'dspmq', 'DISPLAY CHSTATUS(*)', 'RESET CHANNEL', 'dmpmqcfg -m <qmgr>', 'amqsput <queue>'],
    tags: ['mq', 'messaging', 'jms', 'channels'],
    stem: 'Mq',
    ext: 'jar',
  },
  {
    name: 'Oracle Database',
    short: 'Oracle',
    versions: ['12c', '18c', '19c', '21c', '23ai'],
    platform: 'unix',
    components: ['tnslsnr', 'oracle.exe', 'ojdbc8.jar', 'libclntsh.so', 'sqlnet.ora', 'listener.ora'],
    sources: ['alert log', 'listener.log'],
    logs: ['alert_<sid>.log', 'listener.log', 'sqlnet.log', 'trace files'],
    style: 'oracle',
    prefixes: ['ORA', 'TNS'],
    namespaces: ['java.sql', 'oracle.jdbc'],
    exceptions: ['java.sql.SQLRecoverableException', 'java.sql.SQLException', 'oracle.net.ns.NetException'],
    nouns: ['listener', 'service name', 'tablespace', 'redo log', 'wallet', 'undo segment', 'archiver', 'shared pool', 'PGA'],
    settings: ['SQLNET.EXPIRE_TIME', 'processes', 'sessions', 'SQLNET.INBOUND_CONNECT_TIMEOUT', 'pga_aggregate_limit', 'undo_retention'],
    commands: ['lsnrctl status', 'tnsping <alias>', 'sqlplus / as sysdba', 'srvctl status database -d <db>', 'adrci'],
    tags: ['oracle', 'database', 'jdbc', 'tns'],
    stem: 'Ora',
    ext: 'so',
  },
  {
    name: 'F5 BIG-IP LTM',
    short: 'BIG-IP',
    versions: ['13.1', '14.1', '15.1', '16.1', '17.1'],
    platform: 'unix',
    components: ['tmm', 'bigd', 'mcpd', 'httpd', 'iRule'],
    sources: ['/var/log/ltm', 'tmm'],
    logs: ['/var/log/ltm', '/var/log/audit', 'tcpdump capture'],
    style: 'f5',
    prefixes: [],
    namespaces: [],
    exceptions: [],
    nouns: ['virtual server', 'pool member', 'health monitor', 'SNAT pool', 'client SSL profile', 'OneConnect profile', 'persistence record', 'iRule'],
    settings: ['idle-timeout', 'tcp profile', 'max-reuse', 'snat automap', 'reset-on-timeout', 'send-string', 'recv-string'],
    commands: ['tmsh show ltm pool <pool>', 'tmsh list ltm virtual', 'tcpdump -ni 0.0:nnn', 'tmsh show sys connection', 'bigstart restart tmm'],
    tags: ['f5', 'load-balancer', 'big-ip', 'ssl-offload'],
    stem: 'Ltm',
    ext: 'so',
  },
  {
    name: 'nginx',
    short: 'nginx',
    versions: ['1.18', '1.20', '1.22', '1.24', '1.26'],
    platform: 'unix',
    components: ['nginx', 'ngx_http_upstream_module', 'ngx_http_ssl_module', 'ngx_stream_module'],
    sources: ['error.log', 'access.log'],
    logs: ['error.log', 'access.log'],
    style: 'none',
    prefixes: [],
    namespaces: [],
    exceptions: [],
    nouns: ['upstream', 'worker_connections', 'proxy buffer', 'keepalive connection', 'server block', 'SSL session cache', 'resolver'],
    settings: ['proxy_read_timeout', 'proxy_connect_timeout', 'keepalive_timeout', 'client_max_body_size', 'worker_rlimit_nofile', 'proxy_buffer_size', 'large_client_header_buffers'],
    commands: ['nginx -t', 'nginx -s reload', 'journalctl -u nginx', 'ss -tanp', 'curl -v https://<host>/'],
    tags: ['nginx', 'reverse-proxy', 'http', 'timeouts'],
    stem: 'Ngx',
    ext: 'so',
  },
  {
    name: 'Apache Tomcat',
    short: 'Tomcat',
    versions: ['8.5', '9.0', '10.1', '11.0'],
    platform: 'any',
    components: ['catalina.jar', 'tomcat-jdbc.jar', 'tcnative-1.dll', 'mod_jk.so', 'tomcat9.exe'],
    sources: ['catalina.out', 'localhost.log'],
    logs: ['catalina.out', 'localhost_access_log.txt', 'mod_jk.log'],
    style: 'none',
    prefixes: [],
    namespaces: ['org.apache.catalina', 'org.apache.coyote', 'org.apache.tomcat.jdbc.pool'],
    exceptions: ['org.apache.catalina.LifecycleException', 'org.apache.tomcat.jdbc.pool.PoolExhaustedException', 'org.apache.coyote.CloseNowException'],
    nouns: ['connector', 'AJP connector', 'JDBC pool', 'session manager', 'thread pool', 'context', 'realm'],
    settings: ['maxThreads', 'connectionTimeout', 'maxActive', 'secretRequired', 'maxPostSize', 'acceptCount', 'removeAbandonedTimeout'],
    commands: ['catalina.sh run', 'jstack <pid>', 'jcmd <pid> GC.heap_info', 'systemctl status tomcat'],
    tags: ['tomcat', 'java', 'ajp', 'jdbc'],
    stem: 'Tc',
    ext: 'jar',
  },
  {
    name: 'Windows Server',
    short: 'Windows',
    versions: ['2012 R2', '2016', '2019', '2022', '2025'],
    platform: 'windows',
    components: ['lsass.exe', 'schannel.dll', 'kerberos.dll', 'svchost.exe', 'netlogon.dll', 'tcpip.sys', 'afd.sys', 'ntdll.dll', 'KERNELBASE.dll'],
    sources: ['Schannel', 'Microsoft-Windows-Security-Kerberos', 'Service Control Manager', 'NETLOGON', 'Tcpip', 'Application Error', 'Microsoft-Windows-GroupPolicy'],
    logs: ['System log', 'Application log', 'Security log', 'netlogon.log', 'CBS.log'],
    style: 'none',
    prefixes: [],
    namespaces: ['System.ComponentModel', 'System.Net.Sockets', 'System.Security.Authentication'],
    exceptions: ['System.ComponentModel.Win32Exception', 'System.Net.Sockets.SocketException', 'System.Security.Authentication.AuthenticationException'],
    nouns: ['service principal name', 'Kerberos ticket', 'TLS handshake', 'machine account', 'ephemeral port range', 'nonpaged pool', 'certificate store', 'group policy', 'secure channel', 'cipher suite order'],
    settings: ['MaxUserPort', 'TcpTimedWaitDelay', 'MaxTokenSize', 'SchUseStrongCrypto', 'DisabledByDefault', 'EventLogging', 'KeepAliveTime'],
    commands: ['setspn -Q HTTP/<host>', 'klist purge', 'netsh int ipv4 show dynamicport tcp', 'certutil -verify -urlfetch <cert>', 'nltest /sc_verify:<domain>', 'Get-WinEvent -LogName System', 'netstat -ano'],
    tags: ['windows', 'kerberos', 'tls', 'schannel', 'networking'],
    stem: 'Win',
    ext: 'dll',
  },
  {
    name: 'Microsoft Exchange Server',
    short: 'Exchange',
    versions: ['2013', '2016', '2019', 'SE'],
    platform: 'windows',
    components: ['MSExchangeTransport.exe', 'EdgeTransport.exe', 'Microsoft.Exchange.Store.Worker.exe', 'w3wp.exe'],
    sources: ['MSExchangeTransport', 'MSExchangeIS', 'MSExchange Front End HTTP Proxy', 'MSExchangeRepl'],
    logs: ['message tracking log', 'protocol log', 'HttpProxy logs', 'ECP logs'],
    style: 'none',
    prefixes: [],
    namespaces: ['Microsoft.Exchange.Data', 'Microsoft.Exchange.HttpProxy'],
    exceptions: ['Microsoft.Exchange.Data.Storage.ConnectionFailedTransientException', 'Microsoft.Exchange.HttpProxy.ServerNotFoundException'],
    nouns: ['database availability group', 'receive connector', 'send connector', 'mailbox database', 'OAuth certificate', 'Autodiscover', 'transport queue', 'content index'],
    settings: ['MaxReceiveSize', 'MessageRateLimit', 'ExternalUrl', 'InternalUrl', 'MaxInboundConnection'],
    commands: ['Get-Queue', 'Test-ServiceHealth', 'Get-MailboxDatabaseCopyStatus', 'Get-ExchangeCertificate', 'Test-OAuthConnectivity'],
    tags: ['exchange', 'email', 'transport', 'autodiscover'],
    stem: 'Ex',
    ext: 'dll',
  },
  {
    name: 'ASP.NET Core',
    short: 'ASP.NET Core',
    versions: ['3.1', '6.0', '7.0', '8.0', '9.0'],
    platform: 'any',
    components: ['aspnetcorev2.dll', 'Microsoft.AspNetCore.Server.Kestrel.Core.dll', 'dotnet.exe', 'hostfxr.dll'],
    sources: ['IIS AspNetCore Module V2', '.NET Runtime', 'Kestrel'],
    logs: ['stdout log', 'application log', 'Kestrel log'],
    style: 'none',
    prefixes: [],
    namespaces: ['Microsoft.AspNetCore', 'System.Net.Http', 'Microsoft.Extensions.Hosting'],
    exceptions: ['System.Net.Http.HttpRequestException', 'Microsoft.AspNetCore.Server.Kestrel.Core.BadHttpRequestException', 'System.Threading.Tasks.TaskCanceledException', 'System.OperationCanceledException'],
    nouns: ['Kestrel endpoint', 'hosting bundle', 'data protection key ring', 'HttpClient handler', 'middleware pipeline', 'health check'],
    settings: ['hostingModel', 'ASPNETCORE_ENVIRONMENT', 'MaxRequestBodySize', 'KeepAliveTimeout', 'PooledConnectionLifetime'],
    commands: ['dotnet --info', 'dotnet-dump collect -p <pid>', 'dotnet-counters monitor', 'Get-ChildItem Env:'],
    tags: ['aspnetcore', 'dotnet', 'kestrel', 'httpclient'],
    stem: 'Kestrel',
    ext: 'dll',
  },
  {
    name: 'PostgreSQL',
    short: 'PostgreSQL',
    versions: ['12', '13', '14', '15', '16'],
    platform: 'unix',
    components: ['postgres', 'pgbouncer', 'libpq.so.5', 'pg_hba.conf', 'postgresql.conf'],
    sources: ['postgresql.log', 'pgbouncer.log'],
    logs: ['postgresql-<date>.log', 'pgbouncer.log'],
    style: 'postgres',
    prefixes: [],
    namespaces: ['org.postgresql.util', 'Npgsql'],
    exceptions: ['org.postgresql.util.PSQLException', 'Npgsql.NpgsqlException', 'Npgsql.PostgresException'],
    nouns: ['replication slot', 'autovacuum worker', 'connection pooler', 'WAL segment', 'standby', 'pg_hba rule'],
    settings: ['max_connections', 'shared_buffers', 'idle_in_transaction_session_timeout', 'wal_keep_size', 'statement_timeout', 'max_wal_senders'],
    commands: ['psql -h <host> -U <user>', 'SELECT * FROM pg_stat_activity', 'pg_ctl reload', 'pg_basebackup', 'SHOW pool_mode'],
    tags: ['postgresql', 'database', 'replication', 'pgbouncer'],
    stem: 'Pg',
    ext: 'so',
  },
  {
    name: 'Kubernetes',
    short: 'Kubernetes',
    versions: ['1.26', '1.27', '1.28', '1.29', '1.30'],
    platform: 'unix',
    components: ['kubelet', 'kube-apiserver', 'coredns', 'containerd', 'kube-proxy', 'ingress-nginx-controller'],
    sources: ['kubelet', 'events', 'kube-apiserver'],
    logs: ['kubectl describe output', 'kubelet journal', 'container logs'],
    style: 'none',
    prefixes: [],
    namespaces: [],
    exceptions: [],
    nouns: ['pod', 'readiness probe', 'persistent volume claim', 'image pull secret', 'service account token', 'node pool', 'ingress controller', 'config map'],
    settings: ['resources.limits.memory', 'initialDelaySeconds', 'terminationGracePeriodSeconds', 'imagePullPolicy', 'maxSurge'],
    commands: ['kubectl describe pod <pod>', 'kubectl logs <pod> --previous', 'kubectl get events --sort-by=.lastTimestamp', 'crictl ps -a', 'kubectl top nodes'],
    tags: ['kubernetes', 'containers', 'k8s', 'probes'],
    stem: 'Kube',
    ext: 'so',
  },
  {
    name: 'Active Directory Domain Services',
    short: 'Active Directory',
    versions: ['2016 functional level', '2019', '2022'],
    platform: 'windows',
    components: ['ntds.dit', 'lsass.exe', 'dfsrs.exe', 'netlogon.dll', 'kdcsvc.dll'],
    sources: ['NTDS Replication', 'DFSR', 'Microsoft-Windows-Security-Auditing', 'KDC', 'NETLOGON'],
    logs: ['Directory Service log', 'DFS Replication log', 'Security log'],
    style: 'none',
    prefixes: [],
    namespaces: ['System.DirectoryServices', 'System.DirectoryServices.Protocols'],
    exceptions: ['System.DirectoryServices.DirectoryServicesCOMException', 'System.DirectoryServices.Protocols.LdapException'],
    nouns: ['domain controller', 'replication partner', 'SYSVOL', 'LDAP bind', 'trust relationship', 'FSMO role', 'tombstone lifetime', 'LDAPS certificate'],
    settings: ['LdapEnforceChannelBinding', 'LDAPServerIntegrity', 'MaxPageSize', 'Strict Replication Consistency'],
    commands: ['repadmin /showrepl', 'dcdiag /v', 'nltest /dsgetdc:<domain>', 'Test-ComputerSecureChannel -Repair', 'ldp.exe'],
    tags: ['active-directory', 'ldap', 'kerberos', 'replication'],
    stem: 'Ds',
    ext: 'dll',
  },
  {
    name: 'VMware vSphere',
    short: 'vSphere',
    versions: ['6.7 U3', '7.0 U3', '8.0 U1', '8.0 U2'],
    platform: 'unix',
    components: ['hostd', 'vpxa', 'vpxd', 'vmkernel', 'vmware-vpxd.exe'],
    sources: ['hostd.log', 'vmkernel.log', 'vpxd.log'],
    logs: ['hostd.log', 'vmkernel.log', 'vpxd.log', 'vobd.log'],
    style: 'none',
    prefixes: [],
    namespaces: ['com.vmware.vim.binding', 'com.vmware.vapi'],
    exceptions: ['com.vmware.vim25.InvalidLogin', 'com.vmware.vim25.HostConnectFault'],
    nouns: ['datastore', 'vMotion network', 'ESXi host', 'vCenter certificate', 'snapshot chain', 'HA agent', 'vSwitch'],
    settings: ['Config.HostAgent.log.level', 'Misc.APDHandlingEnable', 'Net.TcpipHeapMax', 'VMFS3.HardwareAcceleratedLocking'],
    commands: ['esxcli network ip connection list', 'vmkping -I vmk1 <ip>', 'services.sh restart', 'esxcli storage core path list'],
    tags: ['vmware', 'vsphere', 'esxi', 'virtualization'],
    stem: 'Vpx',
    ext: 'so',
  },
]

export const OPERATING_SYSTEMS: readonly string[] = [
  'Windows Server 2019', 'Windows Server 2016', 'Windows Server 2022', 'Windows Server 2012 R2', 'Red Hat Enterprise Linux 8.8',
  'Ubuntu 22.04 LTS', 'Red Hat Enterprise Linux 7.9', 'Ubuntu 20.04 LTS', 'Windows 10 22H2', 'Windows 11 23H2',
  'SUSE Linux Enterprise Server 15 SP4', 'Red Hat Enterprise Linux 9.2', 'Oracle Linux 8', 'AIX 7.2', 'Debian 12', 'Windows Server 2025',
  'Solaris 11.4', 'Amazon Linux 2023',
]
export const WINDOWS_OS = OPERATING_SYSTEMS.filter((o) => o.startsWith('Windows'))
export const UNIX_OS = OPERATING_SYSTEMS.filter((o) => !o.startsWith('Windows'))

export const TOPOLOGIES: readonly string[] = [
  'two-node cluster behind a hardware load balancer', 'single server', 'active/passive failover pair', 'VMware vSphere 7.0 U3 virtual machines',
  'Azure VM (Standard_D4s_v5)', 'AWS EC2 m5.xlarge instances', 'Docker containers on a shared host', 'three-node farm with sticky sessions',
  'DMZ web tier with the application tier behind a firewall', 'Kubernetes 1.28 on AKS', 'Kubernetes 1.27 on EKS', 'on-premises data center with a DR site',
]

export const LOAD_BALANCERS: readonly string[] = ['F5 BIG-IP', 'NetScaler ADC', 'AWS Application Load Balancer', 'Azure Application Gateway', 'HAProxy', 'nginx']

/** Common HRESULTs with their names (most used first). */
export const HRESULTS: readonly (readonly [string, string])[] = [
  ['0x80070005', 'E_ACCESSDENIED'], ['0x80004005', 'E_FAIL'], ['0x8007000d', 'ERROR_INVALID_DATA'], ['0x80070002', 'ERROR_FILE_NOT_FOUND'],
  ['0x80072ee2', 'ERROR_WINHTTP_TIMEOUT'], ['0x8007052e', 'ERROR_LOGON_FAILURE'], ['0x800706ba', 'RPC_S_SERVER_UNAVAILABLE'],
  ['0x80090322', 'SEC_E_WRONG_PRINCIPAL'], ['0x80070057', 'E_INVALIDARG'], ['0x80070020', 'ERROR_SHARING_VIOLATION'],
  ['0x800b0109', 'CERT_E_UNTRUSTEDROOT'], ['0x80090308', 'SEC_E_INVALID_TOKEN'], ['0x80072efd', 'ERROR_WINHTTP_CANNOT_CONNECT'],
  ['0x800b0101', 'CERT_E_EXPIRED'], ['0x80070003', 'ERROR_PATH_NOT_FOUND'], ['0x8007045b', 'ERROR_SHUTDOWN_IN_PROGRESS'],
  ['0x80090326', 'SEC_E_ILLEGAL_MESSAGE'], ['0x80092013', 'CRYPT_E_REVOCATION_OFFLINE'], ['0x80131500', 'COR_E_EXCEPTION'],
  ['0x8007007e', 'ERROR_MOD_NOT_FOUND'], ['0x80070bcb', 'ERROR_UNKNOWN_PRINTER_DRIVER'], ['0x800f081f', 'CBS_E_SOURCE_MISSING'],
  ['0x80070426', 'ERROR_SERVICE_NOT_ACTIVE'], ['0x8007042c', 'ERROR_SERVICE_DEPENDENCY_FAIL'], ['0x80090331', 'SEC_E_ALGORITHM_MISMATCH'],
]

/** NTSTATUS / exception codes of crashes. */
export const CRASH_CODES: readonly string[] = ['0xc0000005', '0xe0434352', '0xc00000fd', '0xc0000374', '0xc0000409', '0x80000003', '0xc0000142']

export const WIN32_NAMES: readonly string[] = [
  'ERROR_ACCESS_DENIED', 'ERROR_FILE_NOT_FOUND', 'ERROR_INVALID_DATA', 'ERROR_SEM_TIMEOUT', 'ERROR_LOGON_FAILURE', 'ERROR_NETNAME_DELETED',
  'ERROR_CONNECTION_REFUSED', 'ERROR_INVALID_PARAMETER', 'ERROR_SERVICE_DISABLED', 'ERROR_SHARING_VIOLATION', 'ERROR_BAD_NETPATH',
  'ERROR_NOT_ENOUGH_MEMORY', 'ERROR_TIMEOUT', 'ERROR_DLL_INIT_FAILED', 'ERROR_MOD_NOT_FOUND', 'ERROR_PRIVILEGE_NOT_HELD',
  'ERROR_INSUFFICIENT_BUFFER', 'ERROR_DISK_FULL', 'ERROR_PASSWORD_EXPIRED', 'ERROR_ACCOUNT_LOCKED_OUT', 'ERROR_TRUST_FAILURE',
  'ERROR_NO_LOGON_SERVERS', 'ERROR_CLUSTER_NODE_DOWN', 'ERROR_WINHTTP_TIMEOUT', 'ERROR_WINHTTP_CANNOT_CONNECT', 'SEC_E_WRONG_PRINCIPAL',
  'SEC_E_CERT_EXPIRED', 'SEC_E_UNTRUSTED_ROOT', 'SEC_E_ILLEGAL_MESSAGE', 'RPC_S_SERVER_UNAVAILABLE', 'CRYPT_E_REVOCATION_OFFLINE',
  'CERT_E_CN_NO_MATCH', 'STATUS_ACCESS_VIOLATION', 'STATUS_STACK_OVERFLOW', 'WSAECONNRESET', 'WSAETIMEDOUT', 'WSAECONNREFUSED',
  'WSAENOBUFS', 'WSAEADDRINUSE', 'ECONNRESET', 'ETIMEDOUT', 'ECONNREFUSED', 'EADDRNOTAVAIL', 'EMFILE', 'EPIPE', 'EHOSTUNREACH',
]

export const HTTP_STATUSES: readonly (readonly [string, string])[] = [
  ['503', 'Service Unavailable'], ['500', 'Internal Server Error'], ['502', 'Bad Gateway'], ['401', 'Unauthorized'], ['504', 'Gateway Timeout'],
  ['403', 'Forbidden'], ['404', 'Not Found'], ['400', 'Bad Request'], ['413', 'Request Entity Too Large'], ['429', 'Too Many Requests'],
  ['408', 'Request Timeout'], ['405', 'Method Not Allowed'], ['431', 'Request Header Fields Too Large'],
]

/** IIS-style status.substatus codes with their reason. */
export const HTTP_SUBSTATUSES: readonly (readonly [string, string])[] = [
  ['500.19', 'Internal Server Error'], ['503.2', 'Service Unavailable - concurrent request limit exceeded'], ['401.1', 'Unauthorized - logon failed'],
  ['500.30', 'ASP.NET Core app failed to start'], ['502.3', 'Bad Gateway - forwarder connection error'], ['403.14', 'Forbidden - directory listing denied'],
  ['500.21', 'Internal Server Error - module not recognized'], ['404.3', 'Not Found - MIME map policy'], ['500.0', 'Internal Server Error - module or ISAPI error'],
  ['401.2', 'Unauthorized - logon failed due to server configuration'], ['403.16', 'Forbidden - client certificate untrusted'],
  ['404.15', 'Not Found - query string too long'], ['413.1', 'Request Entity Too Large'], ['500.31', 'ANCM failed to find native dependencies'],
  ['503.0', 'Service Unavailable - application pool unavailable'], ['401.3', 'Unauthorized - ACL denied access'], ['502.5', 'Process Failure'],
  ['404.11', 'Not Found - double escape sequence'], ['403.4', 'Forbidden - SSL required'], ['500.37', 'ANCM failed to start within startup time limit'],
]

/** Common Windows event ids per kind (crash, service, security, TLS, web). */
export const COMMON_EVENT_IDS: readonly string[] = [
  '1000', '1026', '5011', '5009', '7031', '7034', '36887', '36888', '4625', '4771', '1309', '2002', '5186', '15021', '1129', '2213', '4013', '7000', '7009', '5719', '1058', '1202', '3005', '2276',
]

/** Real .NET and Java exceptions (most common first). */
export const COMMON_EXCEPTIONS: readonly string[] = [
  'System.NullReferenceException', 'System.TimeoutException', 'System.Net.WebException', 'java.net.SocketTimeoutException', 'java.net.ConnectException',
  'System.UnauthorizedAccessException', 'javax.net.ssl.SSLHandshakeException', 'System.IO.IOException', 'java.lang.OutOfMemoryError',
  'System.InvalidOperationException', 'System.OutOfMemoryException', 'java.lang.IllegalStateException', 'System.ObjectDisposedException',
  'System.ServiceModel.CommunicationException', 'System.ServiceModel.EndpointNotFoundException', 'javax.naming.NamingException',
  'java.util.concurrent.RejectedExecutionException', 'java.io.FileNotFoundException', 'System.IO.FileLoadException', 'System.BadImageFormatException',
  'System.Security.Cryptography.CryptographicException', 'java.security.cert.CertificateExpiredException', 'org.hibernate.exception.JDBCConnectionException',
  'System.AggregateException', 'java.lang.ClassNotFoundException', 'java.lang.NoClassDefFoundError', 'System.TypeInitializationException',
]

export const K8S_REASONS: readonly string[] = ['CrashLoopBackOff', 'OOMKilled', 'ImagePullBackOff', 'ErrImagePull', 'FailedScheduling', 'FailedMount', 'Evicted', 'NodeNotReady', 'BackOff', 'Unhealthy', 'ContainerCreating']

export const POSTGRES_STATES: readonly (readonly [string, string])[] = [
  ['53300', 'sorry, too many clients already'], ['28P01', 'password authentication failed for user "<user>"'], ['57P01', 'terminating connection due to administrator command'],
  ['40P01', 'deadlock detected'], ['08006', 'could not receive data from server: Connection reset by peer'], ['25P02', 'current transaction is aborted, commands ignored until end of transaction block'],
  ['55000', 'replication slot "<slot>" is not active'], ['53100', 'could not extend file: No space left on device'], ['XX000', 'could not read block in file'],
]

export const SQL_ERRORS: readonly (readonly [string, string])[] = [
  ['18456', 'Login failed for user \'<user>\'.'], ['1205', 'Transaction (Process ID <spid>) was deadlocked on lock resources with another process and has been chosen as the deadlock victim.'],
  ['17806', 'SSPI handshake failed with error code 0x8009030c, state 14 while establishing a connection with integrated security.'],
  ['9002', 'The transaction log for database \'<db>\' is full due to \'LOG_BACKUP\'.'], ['35206', 'A connection timeout has occurred on a previously established connection to availability replica \'<replica>\'.'],
  ['4060', 'Cannot open database "<db>" requested by the login. The login failed.'], ['701', 'There is insufficient system memory in resource pool \'default\' to run this query.'],
  ['1105', 'Could not allocate space for object in database \'tempdb\' because the \'PRIMARY\' filegroup is full.'], ['-2', 'Timeout expired. The timeout period elapsed prior to completion of the operation or the server is not responding.'],
  ['53', 'A network-related or instance-specific error occurred while establishing a connection to SQL Server.'], ['233', 'No process is on the other end of the pipe.'],
  ['10054', 'An existing connection was forcibly closed by the remote host.'], ['18452', 'Login failed. The login is from an untrusted domain and cannot be used with Integrated authentication.'],
]

/** Generic nouns of troubleshooting prose, most used first. */
export const NOUNS: readonly string[] = [
  'connection', 'request', 'server', 'service', 'certificate', 'session', 'user', 'client', 'configuration', 'account', 'error', 'response',
  'database', 'application', 'process', 'thread', 'timeout', 'queue', 'cache', 'token', 'handshake', 'port', 'listener', 'node', 'cluster',
  'credential', 'proxy', 'endpoint', 'policy', 'file', 'folder', 'registry key', 'module', 'handler', 'header', 'cookie', 'backend', 'upstream',
  'heartbeat', 'lock', 'transaction', 'socket', 'channel', 'driver', 'plugin', 'agent', 'license', 'schema', 'keystore', 'truststore', 'principal',
  'ticket', 'DNS record', 'route', 'snapshot', 'volume', 'disk', 'memory', 'heap', 'page file', 'log file', 'dump', 'scheduler', 'job', 'callback',
  'message', 'payload', 'buffer', 'stream', 'handle', 'semaphore', 'mutex', 'retry', 'backlog', 'lease', 'replica', 'index', 'batch', 'firewall rule',
  'network adapter', 'MTU', 'clock', 'time zone', 'locale', 'code page', 'service account', 'password', 'group membership', 'permission', 'ACL',
  'share', 'mount point', 'symlink', 'patch', 'hotfix', 'cumulative update', 'rollup', 'driver version', 'firmware', 'BIOS setting', 'NIC teaming',
  'offload setting', 'jumbo frame', 'VLAN', 'subnet', 'gateway', 'NAT table', 'keepalive', 'idle connection', 'half-open connection', 'TIME_WAIT socket',
]

export const VERBS: readonly string[] = [
  'start', 'connect', 'load', 'authenticate', 'open', 'read', 'write', 'bind', 'resolve', 'initialize', 'validate', 'register', 'renew',
  'replicate', 'synchronize', 'allocate', 'negotiate', 'decrypt', 'parse', 'acquire', 'release', 'flush', 'commit', 'recycle', 'restart',
  'deserialize', 'serialize', 'mount', 'rotate', 'forward', 'enumerate', 'impersonate', 'delegate', 'reserve', 'drain', 'publish', 'subscribe',
]
export const PAST: Record<string, string> = {
  start: 'started', connect: 'connected', load: 'loaded', authenticate: 'authenticated', open: 'opened', read: 'read', write: 'written',
  bind: 'bound', resolve: 'resolved', initialize: 'initialized', validate: 'validated', register: 'registered', renew: 'renewed',
  replicate: 'replicated', synchronize: 'synchronized', allocate: 'allocated', negotiate: 'negotiated', decrypt: 'decrypted', parse: 'parsed',
  acquire: 'acquired', release: 'released', flush: 'flushed', commit: 'committed', recycle: 'recycled', restart: 'restarted',
  deserialize: 'deserialized', serialize: 'serialized', mount: 'mounted', rotate: 'rotated', forward: 'forwarded', enumerate: 'enumerated',
  impersonate: 'impersonated', delegate: 'delegated', reserve: 'reserved', drain: 'drained', publish: 'published', subscribe: 'subscribed',
}

export const STATES: readonly string[] = [
  'expired', 'missing', 'stale', 'locked', 'disabled', 'invalid', 'corrupted', 'duplicate', 'unreachable', 'exhausted', 'mismatched',
  'truncated', 'revoked', 'overloaded', 'orphaned', 'blocked', 'suspended', 'unsigned', 'misconfigured', 'out of date', 'full', 'read-only',
]

export const FAILURE_VERBS: readonly string[] = [
  'fails', 'stops responding', 'hangs', 'times out', 'crashes', 'returns errors', 'rejects connections', 'stops', 'restarts repeatedly',
  'slows down', 'logs errors', 'refuses logins', 'drops connections', 'leaks memory', 'fails over', 'runs out of threads',
]

export const TRIGGERS: readonly string[] = [
  'installing the latest cumulative update', 'renewing the TLS certificate', 'a password change of the service account', 'an in-place upgrade',
  'moving behind a new load balancer', 'disabling TLS 1.0 and 1.1', 'a domain controller reboot', 'rotating the shared secret',
  'increasing the number of worker threads', 'a failover to the secondary node', 'a group policy change', 'migrating the database',
  'a DNS change', 'restoring from backup', 'cloning the virtual machine', 'enabling FIPS mode', 'a firewall rule change', 'a time zone change',
  'adding a second network adapter', 'changing the application pool identity', 'a JVM upgrade', 'importing a new root CA', 'a storage migration',
  'a daylight saving time change', 'switching to a managed identity', 'enabling HTTP/2', 'a large deployment', 'an antivirus definition update',
]

export const CONDITIONS: readonly string[] = [
  'under load', 'after a few hours of uptime', 'only for some users', 'when the request body is large', 'on the first request after idle',
  'only through the load balancer', 'with Windows authentication enabled', 'when clients use HTTP/2', 'only from remote clients',
  'after the nightly backup', 'when more than 500 users are connected', 'on one node of the cluster', 'only for users in a trusted domain',
  'during the batch window', 'when the proxy is configured', 'only on 64-bit servers', 'from the mobile app only', 'at the top of every hour',
]

/** Words of ordinary prose (the head of the term distribution). */
export const COMMON_WORDS: readonly string[] = [
  'the', 'server', 'error', 'when', 'not', 'service', 'after', 'connection', 'request', 'users', 'log', 'check', 'restart', 'configuration',
  'application', 'fails', 'failed', 'timeout', 'certificate', 'login', 'settings', 'default', 'value', 'issue', 'problem', 'cause', 'fix',
  'update', 'version', 'network', 'client', 'account', 'access', 'denied', 'memory', 'process', 'thread', 'queue', 'pool', 'port', 'host',
  'domain', 'policy', 'session', 'cache', 'file', 'folder', 'registry', 'event', 'message', 'response', 'header', 'cookie', 'proxy', 'load',
  'balancer', 'cluster', 'node', 'database', 'query', 'transaction', 'lock', 'deadlock', 'backup', 'restore', 'upgrade', 'patch', 'hotfix',
  'install', 'uninstall', 'enable', 'disable', 'verify', 'confirm', 'collect', 'trace', 'capture', 'compare', 'identify', 'monitor',
  'intermittent', 'random', 'slow', 'hang', 'crash', 'leak', 'spike', 'burst', 'peak', 'idle', 'stale', 'expired', 'missing', 'wrong',
]

/** Morphemes for synthetic identifiers (the long tail of rare component and class names). */
export const ID_STEMS: readonly string[] = [
  'Auth', 'Session', 'Cache', 'Policy', 'Agent', 'Filter', 'Proxy', 'Broker', 'Queue', 'Pool', 'Cert', 'Token', 'Config', 'Log', 'Repl',
  'Sync', 'Index', 'Store', 'Route', 'Health', 'Audit', 'Crypto', 'Ldap', 'Dns', 'Http', 'Tls', 'Socket', 'Channel', 'Ticket', 'Lease',
  'Journal', 'Batch', 'Sched', 'Notify', 'Report', 'Export', 'Import', 'Ident', 'Claim', 'Federation', 'Gateway', 'Tenant', 'Quota', 'Metric',
]
export const ID_SUFFIXES: readonly string[] = [
  'Mgr', 'Svc', 'Host', 'Core', 'Api', 'Util', 'Provider', 'Handler', 'Worker', 'Plugin', 'Ext', 'Client', 'Server', 'Bridge', 'Adapter', 'Engine', 'Monitor', 'Helper',
]
export const EXCEPTION_STEMS: readonly string[] = [
  'Connection', 'Timeout', 'Authentication', 'Authorization', 'Configuration', 'Serialization', 'Replication', 'Session', 'Token', 'Policy',
  'Lease', 'Quota', 'Channel', 'Handshake', 'Certificate', 'Transaction', 'Lock', 'Resource', 'Pool', 'Provider', 'Store', 'Index',
]
export const EXCEPTION_KINDS: readonly string[] = ['Exception', 'Exception', 'Exception', 'Fault', 'Error']

export const HOSTNAMES: readonly string[] = ['web01', 'web02', 'app-prd-03', 'sql-ag-01', 'dc01.corp.example.com', 'lb-vip-12', 'mq-qm1', 'portal.example.com', 'api.example.net', 'esx-07', 'k8s-node-4', 'ora-rac2']
export const USERS: readonly string[] = ['svc_portal', 'CORP\\jsmith', 'appuser', 'sa', 'CORP\\svc-iis', 'mqadmin', 'postgres', 'NT AUTHORITY\\NETWORK SERVICE', 'IIS APPPOOL\\DefaultAppPool']
export const THREADS: readonly string[] = ['main', 'WebContainer : 12', 'http-nio-8080-exec-7', 'pool-3-thread-1', 'Thread-14', 'ThreadPoolWorker-5', 'Default Executor-thread-22', 'worker-3']
export const LOGGERS: readonly string[] = [
  'com.example.portal.web.RequestFilter', 'org.springframework.web.servlet.DispatcherServlet', 'Microsoft.AspNetCore.Hosting.Diagnostics', 'com.example.cache.CacheWarmer',
  'org.hibernate.SQL', 'com.zaxxer.hikari.pool.HikariPool', 'Microsoft.EntityFrameworkCore.Database.Command', 'com.example.jobs.Scheduler', 'org.apache.catalina.core.StandardContext',
  'com.example.auth.TokenService', 'System.Net.Http.HttpClient.Default.LogicalHandler', 'com.example.orders.OrderController', 'kb.healthcheck', 'com.example.metrics.Reporter',
]
/** INFO chatter: what fills a log between errors. */
export const CHATTER: readonly string[] = [
  'Request starting HTTP/1.1 GET /api/orders?page=<n> - -', 'Request finished in <ms>ms 200 application/json; charset=utf-8', 'Executed DbCommand (<ms>ms) [Parameters=[@p0=?], CommandType=Text]',
  'HikariPool-1 - Pool stats (total=<n>, active=<n>, idle=<n>, waiting=0)', 'Cache refresh completed: <n> entries loaded in <ms> ms', 'Scheduled job ReportExport finished with status OK',
  'Session <hex> created for user <user>', 'Health check /readyz returned Healthy in <ms> ms', 'Completed 200 OK in <ms>ms (Views: <n>ms | ActiveRecord: <n>ms)',
  'Mapped "{[/api/v1/items],methods=[GET]}" onto public java.util.List', 'Token issued for client portal-web, expires in 3600 s', 'GC pause (young) <ms>ms, heap <n>M-><n>M',
  'Connection to backend <host>:<port> established', 'Processing batch <n> of <n> (<n> records)', 'Flushed <n> metrics to collector in <ms> ms',
  'User <user> signed in from <ip>', 'Configuration reloaded from appsettings.json', 'Worker heartbeat ok (uptime <n> s)', 'Loaded <n> routes from routes.yaml',
  'Served static file /assets/app.<hex>.js (<n> bytes)', 'Outbound call to payments-api took <ms> ms', 'Committed offset <n> for partition <n>',
]

/**
 * A wider vocabulary of technical prose, roughly most used first: drawn with a mild skew, it
 * gives the middle of the term distribution (words in tens to hundreds of articles).
 */
export const PROSE: readonly string[] = `
configured available required affected running default enabled disabled installed supported expected
current previous original primary secondary internal external remote local shared dedicated specific
multiple single separate additional optional temporary permanent manual automatic scheduled periodic
intermittent consistent sporadic gradual sudden repeated concurrent sequential parallel synchronous
asynchronous blocking pending queued cached stored loaded unloaded mapped bound registered signed
encrypted compressed chunked buffered pooled persistent transient volatile durable readable writable
administrator operator developer tenant customer partner vendor subscriber consumer producer publisher
workload throughput latency bandwidth capacity utilization saturation contention starvation fragmentation
allocation reservation affinity persistence stickiness failover failback switchover takeover rebalance
provisioning deprovisioning onboarding migration rollout rollback deployment release staging production
sandbox preview baseline threshold watermark ceiling quota budget limit allowance headroom margin
diagnostics telemetry instrumentation counter gauge histogram sampling tracing profiling auditing alerting
escalation workaround mitigation remediation root outage incident degradation regression defect anomaly
symptom signature pattern correlation timestamp interval window duration period frequency occurrence
spike plateau trend drift skew jitter burst backoff retry jitter throttling shedding queuing batching
handshake negotiation renegotiation resumption session ticket cipher suite protocol version extension
certificate chain intermediate root issuer subject thumbprint fingerprint serial expiry validity revocation
keystore truststore passphrase keypair signature digest hashing salting rotation escrow vault secret
directory forest domain realm tenant principal identity claim assertion federation delegation impersonation
constrained unconstrained resource based trust inbound outbound bidirectional transitive external forest
subnet gateway route metric hop latency packet segment frame window scaling offload checksum fragmentation
listener acceptor dispatcher selector reactor executor scheduler worker thread fiber coroutine callback
mutex semaphore latch barrier monitor condition deadlock livelock starvation priority inversion contention
heap stack native managed unmanaged allocation collection compaction generation finalizer reference leak
snapshot checkpoint journal ledger commit rollback savepoint isolation consistency durability atomicity
replication mirroring shipping clustering sharding partitioning indexing statistics histogram cardinality
optimizer plan estimate recompile parameter sniffing hint statistics stale fragmentation fillfactor
tablespace datafile tempfile logfile archive redo undo rollback segment extent block page latch buffer
endpoint binding contract behavior channel factory proxy stub serializer formatter encoder decoder codec
middleware pipeline interceptor filter handler module extension plugin addon connector adapter bridge
manifest descriptor package bundle artifact assembly library dependency runtime framework toolchain
registry hive subkey value string dword qword multistring expandable policy template baseline object
service daemon agent controller supervisor watchdog heartbeat probe liveness readiness startup shutdown
graceful abrupt forced orderly staggered rolling blue green canary shadow mirror replay warmup cooldown
`
  .split(/\s+/)
  .filter((w) => w.length > 0)

export const VENDOR_DIRS: readonly string[] = ['Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Adventure Works', 'Litware', 'Proseware', 'Wingtip']
