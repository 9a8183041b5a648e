// Pastes about problems the KB does not cover (bundled + imported articles): expect null.
// Several are deliberate near-misses: same format (event log, SQL-ish client, nginx, HRESULT) or
// overlapping words (login failed, port in use, trust, 404) but a different product/problem.

const neg = (c) => ({ kind: 'negative', expect: null, ...c })

export default [
  neg({
    id: 'neg-k8s-crashloop', corpus: 'bundled', set: 'dev', note: 'kubectl describe pod: CrashLoopBackOff',
    text: String.raw`Name:         checkout-5f7d8c9b6-qx2lm
Namespace:    shop
Status:       Running
Containers:
  checkout:
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
    Restart Count:  14
Events:
  Type     Reason   Age                   From     Message
  ----     ------   ----                  ----     -------
  Warning  BackOff  2m10s (x61 over 17m)  kubelet  Back-off restarting failed container checkout in pod checkout-5f7d8c9b6-qx2lm_shop(7e1f2a44-0c1d-4b8e-9a51-3f0a2d9c6b11)`,
  }),
  neg({
    id: 'neg-python-importerror', corpus: 'bundled', set: 'dev', note: 'Python ImportError traceback',
    text: String.raw`Traceback (most recent call last):
  File "/home/ana/proj/manage.py", line 22, in <module>
    main()
  File "/home/ana/proj/manage.py", line 11, in main
    from django.core.management import execute_from_command_line
ImportError: cannot import name 'execute_from_command_line' from 'django.core.management' (/home/ana/proj/.venv/lib/python3.12/site-packages/django/core/management/__init__.py)`,
  }),
  neg({
    id: 'neg-oracle-ora12154', corpus: 'mssql-errors', set: 'holdout', note: 'Oracle sqlplus ORA-12154 (DB client format, wrong product)',
    text: String.raw`SQL*Plus: Release 19.0.0.0.0 - Production on Tue Mar 4 10:12:44 2025
Version 19.21.0.0.0

Copyright (c) 1982, 2023, Oracle.  All rights reserved.

ERROR:
ORA-12154: TNS:could not resolve the connect identifier specified

Enter user-name:`,
  }),
  neg({
    id: 'neg-macos-panic', corpus: 'bundled', set: 'dev', note: 'macOS kernel panic report',
    text: String.raw`panic(cpu 2 caller 0xfffffe0017a3c2f0): "AppleUSBHostPort::disconnectGated: timeout waiting for port to become inactive" @AppleUSBHostPort.cpp:1524
Debugger message: panic
Memory ID: 0x6
OS release type: User
OS version: 23E224
Kernel version: Darwin Kernel Version 23.4.0: Fri Mar 15 00:10:42 PDT 2024; root:xnu-10063.101.17~1/RELEASE_ARM64_T6000
Panicked task 0xfffffe1b4c8a8000: 0 threads: pid 0: kernel_task`,
  }),
  neg({
    id: 'neg-chatter-help', corpus: 'bundled', set: 'dev', note: 'plain chatter',
    text: String.raw`hi can someone help me`,
  }),
  neg({
    id: 'neg-git-merge-conflict', corpus: 'bundled', set: 'holdout', note: 'git merge conflict',
    text: String.raw`$ git merge origin/main
Auto-merging src/config/settings.ts
CONFLICT (content): Merge conflict in src/config/settings.ts
Automatic merge failed; fix conflicts and then commit the result.`,
  }),
  neg({
    id: 'neg-npm-eresolve', corpus: 'bundled', set: 'dev', note: 'npm dependency resolution error',
    text: String.raw`npm ERR! code ERESOLVE
npm ERR! ERESOLVE unable to resolve dependency tree
npm ERR!
npm ERR! While resolving: web-ui@2.3.0
npm ERR! Found: react@18.2.0
npm ERR! node_modules/react
npm ERR!   react@"^18.2.0" from the root project
npm ERR!
npm ERR! Could not resolve dependency:
npm ERR! peer react@"^16.8.0 || ^17.0.0" from react-beautiful-dnd@13.1.1`,
  }),
  neg({
    id: 'neg-docker-daemon', corpus: 'bundled', set: 'dev', note: 'Docker CLI cannot reach daemon',
    text: String.raw`$ docker ps
Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?`,
  }),
  neg({
    id: 'neg-java-oom', corpus: 'bundled', set: 'holdout', note: 'Tomcat catalina.out heap OOM',
    text: String.raw`04-Mar-2025 10:12:44.118 SEVERE [http-nio-8080-exec-17] org.apache.catalina.core.StandardWrapperValve.invoke Servlet.service() for servlet [dispatcher] in context with path [/crm] threw exception [Handler dispatch failed; nested exception is java.lang.OutOfMemoryError: Java heap space] with root cause
	java.lang.OutOfMemoryError: Java heap space
		at java.base/java.util.Arrays.copyOf(Arrays.java:3537)
		at java.base/java.lang.AbstractStringBuilder.ensureCapacityInternal(AbstractStringBuilder.java:228)
		at com.adatum.crm.export.CsvWriter.append(CsvWriter.java:88)`,
  }),
  neg({
    id: 'neg-postgres-auth', corpus: 'mssql-errors', set: 'dev', note: 'near-miss: "authentication failed for user" but PostgreSQL, not SQL Server',
    text: String.raw`psql: error: connection to server at "pg-prod-01.internal" (10.20.0.15), port 5432 failed: FATAL:  password authentication failed for user "app_rw"`,
  }),
  neg({
    id: 'neg-mysql-1045', corpus: 'mssql-errors', set: 'holdout', note: 'near-miss: MySQL access denied, client output format like db-client',
    text: String.raw`$ mysql -u reporting -p -h db03
Enter password:
ERROR 1045 (28000): Access denied for user 'reporting'@'10.4.2.19' (using password: YES)`,
  }),
  neg({
    id: 'neg-kernel-power-41', corpus: 'bundled', set: 'dev', note: 'near-miss: Event Viewer format, unrelated event (unexpected reboot)',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-Kernel-Power
Date:          2/14/2025 7:02:18 AM
Event ID:      41
Task Category: (63)
Level:         Critical
Keywords:      (70368744177664),(2)
User:          SYSTEM
Computer:      DESKTOP-7H2KQ1
Description:
The system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly.`,
  }),
  neg({
    id: 'neg-outlook-start', corpus: 'bundled', set: 'dev', note: 'Office client problem',
    text: String.raw`Cannot start Microsoft Outlook. Cannot open the Outlook window. The set of folders cannot be opened. The information store could not be opened.`,
  }),
  neg({
    id: 'neg-react-undefined-map', corpus: 'bundled', set: 'holdout', note: 'browser JS console error',
    text: String.raw`Uncaught TypeError: Cannot read properties of undefined (reading 'map')
    at OrderList (OrderList.jsx:27:22)
    at renderWithHooks (react-dom.development.js:16305:18)
    at mountIndeterminateComponent (react-dom.development.js:20074:13)
    at beginWork (react-dom.development.js:21587:16)`,
  }),
  neg({
    id: 'neg-terraform-lock', corpus: 'bundled', set: 'dev', note: 'Terraform state lock',
    text: String.raw`│ Error: Error acquiring the state lock
│
│ Error message: ConditionalCheckFailedException: The conditional request failed
│ Lock Info:
│   ID:        5c1e7f0a-93b1-2d4e-8f61-0c7a9b3d2e44
│   Path:      tf-state-prod/network/terraform.tfstate
│   Operation: OperationTypeApply
│   Who:       ci@runner-7
│   Version:   1.7.5`,
  }),
  neg({
    id: 'neg-s3-accessdenied', corpus: 'bundled', set: 'dev', note: 'AWS S3 AccessDenied XML (403 but not IIS)',
    text: String.raw`<?xml version="1.0" encoding="UTF-8"?>
<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>7QK2N8X4HZ1B3C9D</RequestId><HostId>k3Jd9+fQ2w0vXyZ8pL1mN4bR7tS6uV5wA2cE9gH0iJ1kL3mN5oP7qR9sT1uV3wX5yZ7=</HostId></Error>`,
  }),
  neg({
    id: 'neg-ssh-publickey', corpus: 'bundled', set: 'dev', note: 'SSH auth failure',
    text: String.raw`$ ssh deploy@10.30.4.12
deploy@10.30.4.12: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).`,
  }),
  neg({
    id: 'neg-linux-oom-killer', corpus: 'bundled', set: 'dev', note: 'Linux dmesg OOM killer',
    text: String.raw`[4812733.118220] Out of memory: Killed process 23144 (java) total-vm:12893412kB, anon-rss:7801244kB, file-rss:0kB, shmem-rss:0kB, UID:1001 pgtables:15880kB oom_score_adj:0
[4812733.301554] oom_reaper: reaped process 23144 (java), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB`,
  }),
  neg({
    id: 'neg-windows-update-0x800f0922', corpus: 'bundled', set: 'holdout', note: 'near-miss: Windows HRESULT, Windows Update install failure',
    text: String.raw`2025-03 Cumulative Update for Windows Server 2022 for x64-based Systems (KB5053603)
Install error - 0x800f0922
We couldn't complete the updates. Undoing changes. Don't turn off your computer.`,
  }),
  neg({
    id: 'neg-nginx-bind-98', corpus: 'bundled', set: 'dev', note: 'near-miss: nginx error.log, but a startup bind failure, not an upstream timeout',
    text: String.raw`2025/05/02 09:01:44 [emerg] 9123#9123: bind() to 0.0.0.0:80 failed (98: Address already in use)
2025/05/02 09:01:44 [emerg] 9123#9123: bind() to [::]:80 failed (98: Address already in use)
2025/05/02 09:01:44 [emerg] 9123#9123: still could not bind()`,
  }),
  neg({
    id: 'neg-chatter-site-down', corpus: 'bundled', set: 'dev', note: 'vague plea: no way to pick an article',
    text: String.raw`our website is down!!! pls help asap`,
  }),
  neg({
    id: 'neg-dns-client-1014', corpus: 'bundled', set: 'holdout', note: 'near-miss: Event Viewer format, DNS client timeout',
    text: String.raw`Log Name:      System
Source:        Microsoft-Windows-DNS-Client
Date:          3/19/2025 10:44:12 AM
Event ID:      1014
Task Category: (1014)
Level:         Warning
Keywords:
User:          NETWORK SERVICE
Computer:      LAPTOP-FIN-22.corp.adatum.com
Description:
Name resolution for the name wpad.corp.adatum.com timed out after none of the configured DNS servers responded.`,
  }),
  neg({
    id: 'neg-excel-vba-1004', corpus: 'bundled', set: 'dev', note: 'Excel VBA runtime error',
    text: String.raw`Run-time error '1004':
Method 'Range' of object '_Worksheet' failed`,
  }),
  neg({
    id: 'neg-redis-misconf', corpus: 'bundled', set: 'dev', note: 'Redis persistence error',
    text: String.raw`(error) MISCONF Redis is configured to save RDB snapshots, but it's currently unable to persist to disk. Commands that may modify the data set are disabled, because this instance is configured to report errors during writes if RDB snapshotting fails (stop-writes-on-bgsave-error option). Please check the Redis logs for details about the RDB error.`,
  }),
  neg({
    id: 'neg-springboot-port', corpus: 'bundled', set: 'holdout', note: 'near-miss: "port already in use" at startup, not ephemeral port exhaustion',
    text: String.raw`2025-06-02T08:14:11.902Z ERROR 1 --- [           main] o.s.b.d.LoggingFailureAnalysisReporter   :

***************************
APPLICATION FAILED TO START
***************************

Description:

Web server failed to start. Port 8080 was already in use.

Action:

Identify and stop the process that's listening on port 8080 or configure this application to listen on another port.`,
  }),
  neg({
    id: 'neg-chatter-thanks', corpus: 'bundled', set: 'dev', note: 'chatter that mentions the app pool',
    text: String.raw`thanks, restarting the app pool fixed it :)`,
  }),
  neg({
    id: 'neg-jenkins-git-128', corpus: 'bundled', set: 'dev', note: 'CI git fetch failure',
    text: String.raw`ERROR: Error fetching remote repo 'origin'
hudson.plugins.git.GitException: Failed to fetch from https://git.adatum.com/web/storefront.git
	at hudson.plugins.git.GitSCM.fetchFrom(GitSCM.java:1003)
Caused by: hudson.plugins.git.GitException: Command "git fetch --tags --force --progress -- https://git.adatum.com/web/storefront.git +refs/heads/*:refs/remotes/origin/*" returned status code 128:
stderr: fatal: unable to access 'https://git.adatum.com/web/storefront.git/': Could not resolve host: git.adatum.com`,
  }),
  neg({
    id: 'neg-exchange-relay-550', corpus: 'bundled', set: 'holdout', note: 'SMTP relay denied',
    text: String.raw`Remote Server returned '550 5.7.54 SMTP; Unable to relay recipient in non-accepted domain'
Diagnostic information for administrators:
Generating server: EXCH01.corp.fabrikam.com
partner-billing@northwindtraders.com`,
  }),
  neg({
    id: 'neg-trust-relationship', corpus: 'bundled', set: 'dev', note: 'near-miss: domain auth (like Kerberos) but a workstation trust problem',
    text: String.raw`The trust relationship between this workstation and the primary domain failed.`,
  }),
  neg({
    id: 'neg-postgres-refused', corpus: 'mssql-errors', set: 'holdout', note: 'near-miss: "connection refused" to a database, but PostgreSQL',
    text: String.raw`psql: error: connection to server at "10.20.0.15", port 5432 failed: Connection refused
	Is the server running on that host and accepting TCP/IP connections?`,
  }),
  neg({
    id: 'neg-bsod-irql', corpus: 'bundled', set: 'dev', note: 'Windows blue screen',
    text: String.raw`Your PC ran into a problem and needs to restart. We're just collecting some error info, and then we'll restart for you.
20% complete
Stop code: IRQL_NOT_LESS_OR_EQUAL
What failed: ndis.sys`,
  }),
]
