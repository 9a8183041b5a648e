/**
 * What the KCS loop keeps of a user's words (issue 17's privacy clause): secrets and personal
 * values in the shapes real pastes carry them are replaced before anything is stored or logged,
 * in the question, in the codes read from it, in feedback comments and ticket references; what
 * identifies a problem stays. Cases are written here from the shapes of common tools' output
 * (drivers, shells, HTTP, cloud SDKs), not taken from the KB.
 */
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import request from 'supertest'
import { createApp } from '../src/app.js'
import { redact } from '../src/core/privacy/redact.js'
import { readPaste } from '../src/core/match/paste.js'
import { codesShown, questionRowOf, redactedQuestion, STORED_CODES, storedQuestion } from '../src/runtime/events/record.js'
import { EventStore } from '../src/runtime/events/store.js'
import { kbFrom } from './helpers/kb.js'

const IIS6 = 'iis6-connections-refused-nonpaged-pool'

/** Each secret value must be gone from the redacted text. */
const SECRETS: Array<[class_: string, input: string, secrets: string[]]> = [
  ['env-style setting', 'export PGPASSWORD=Tr0ub4dor && MYSQL_ROOT_PASSWORD=Sup3r_s3cret psql', ['Tr0ub4dor', 'Sup3r_s3cret']],
  ['dotted setting', 'spring.datasource.password=ch4ngeMe! failed', ['ch4ngeMe']],
  ['JSON', '{"user":"etl","password":"p4ss-w0rd","api_key":"k-91f3"}', ['p4ss-w0rd', 'k-91f3']],
  ['XML appSettings', '<add key="SmtpPassword" value="M4il!pw"/> <client_secret>zx81Qw</client_secret>', ['M4il!pw', 'zx81Qw']],
  ['ODBC braces and spaces', 'Driver={ODBC Driver 18};Pwd={pa;ss wd};Server=db7;Password=two words here;', ['pa;ss', 'ss wd', 'two words here']],
  ['empty URL user', 'Error connecting to redis://:R3disPw9@cache-01:6379/0', ['R3disPw9', 'cache-01']],
  ['password holding an @', 'postgresql://app:p@ss9@db.example.org/app', ['p@ss9', 'ss9@', 'app:']],
  ['CLI flags', 'deploy --password hunter2x --api-key 77aa && curl -u ops:Pa55word https://x.example.org', ['hunter2x', '77aa', 'Pa55word']],
  ['cookie headers', 'Set-Cookie: sid=5f9a2c1d; HttpOnly\ncookie: JSESSIONID=0AB12C', ['5f9a2c1d', '0AB12C']],
  ['lower-case authorization', 'authorization: bearer abc.def.ghi', ['abc.def.ghi']],
  ['token after its scheme', 'sent Negotiate YIIGhgYGKwYBBQUCoIIGejCCBnag', ['YIIGhgYGKwYBBQUCoIIGejCCBnag']],
  ['AWS session key and secret', 'ASIAY34FZKBOKMUTVV7A with aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCY', ['ASIAY34FZKBOKMUTVV7A', 'wJalrXUtnFEMI']],
  ['unsigned JWT', 'jwt eyJhbGciOiJub25lIn0.eyJzdWIiOiJqZG9lIn0. rejected', ['eyJzdWIiOiJqZG9lIn0']],
  ['base64 key', 'SharedAccessKey=abcDEF123+/xyz9=;EntityPath=q and blob Zm9v+YmFyYmF6cXV4MTIzNDU2Nzg5', ['abcDEF123', 'Zm9v+YmFy']],
  ['user at host', 'ssh deploy@build07: Permission denied (publickey)', ['deploy@', 'build07']],
  ['user named by sshd', 'Failed password for invalid user oracle2 from 203.0.113.9 port 22', ['oracle2', '203.0.113.9']],
  ['double-quoted role', 'FATAL: role "mkovacs" does not exist', ['mkovacs']],
  ['host a lookup failed for', 'getaddrinfo ENOTFOUND api.intra.example.net; Connection to sql7.corp.example:1433 refused', ['api.intra', 'sql7.corp']],
  ['UNC share host', 'Access to \\\\fs-02\\builds$\\drop denied', ['fs-02']],
  ['card, phone and SSN', 'card 4111 1111 1111 1111 call +44 20 7946 0958 ssn 078-05-1120', ['4111 1111', '7946', '078-05-1120']],
  ['MAC and scoped IPv6', 'NIC 3C-52-82-0A-1B-2C bound fe80::1ff:fe23:4567:890a%eth0', ['3C-52-82', 'fe80', 'eth0']],
  ['home folder by tilde', 'cannot read ~mjansen/.netrc', ['mjansen']],
  ['a password that starts like yes or no', 'Password=No-Access-2024; and password: True.Blue42', ['No-Access-2024', 'True.Blue42']],
  ['& in a connection-string value', 'Server=db;Password=Abc&123xyz;Database=x', ['Abc&123xyz', '123xyz']],
  ['an escaped quote in a JSON value', '{"password": "p\\"ssw0rd"}', ['ssw0rd']],
  ['a quoted Authorization header (an HTTP client error dump)', "headers: { Authorization: 'Basic dXNlcjpwYXNz' }", ['dXNlcjpwYXNz']],
  ['key names ending in PASS or PW', 'DB_PASS=Hunter22 RABBITMQ_DEFAULT_PASS=Guest77 pw=abc123', ['Hunter22', 'Guest77', 'abc123']],
  ['user/password@service on a command line', 'sqlplus scott/Tiger42@ORCL', ['scott', 'Tiger42']],
  [
    'webhook and app tokens',
    'whsec_AbCdEfGhIjKlMnOpQrStUvWxYz xapp-1-A0123-456-abcdef SG.abcdefghijklmnopqrstuv.ABCDEFGHIJKLMNOPQRSTUVWXYZ0123',
    ['whsec_AbCd', 'xapp-1-A0123', 'SG.abcdefgh'],
  ],
  ['a key percent-encoded in a URL', 'GET /login?password%3DSecr3t%26next=/', ['Secr3t']],
  ['Redis AUTH and requirepass', 'AUTH R3disPw then requirepass Other9Pw', ['R3disPw', 'Other9Pw']],
  ['zero-padded IPv4', 'host 192.168.001.010 down', ['192.168.001.010']],
  [
    'a key name mixing Cyrillic or Greek look-alikes with Latin letters',
    'p\u0430ssword=Cy1look \u03a1ASSWORD=Gr2look DB_\u0420\u0410SSWORD=Cy3look tok\u0435n: Cy4look9abcdef',
    ['Cy1look', 'Gr2look', 'Cy3look', 'Cy4look'],
  ],
  ['look-alike characters: full-width, zero-width', 'ｐａｓｓｗｏｒｄ＝Zx81pass; pass\u200bword=Qv72pass; DB＿PASSWORD=Wm93pass', ['Zx81', 'Qv72', 'Wm93']],
  ['a quote never closed runs to the line end', 'Password="Kq7 left open\nnext', ['Kq7', 'left open']],
  ['a value that starts with a sign', 'secret=)Jt5x9 and password=&Lp2w8 and token=<Tk4n9>', ['Jt5x9', 'Lp2w8', 'Tk4n9']],
  ['JSON-escaped equals sign', '"ConnStr": "Server=db;Password\\u003dPw4json"', ['Pw4json']],
  [
    "clients' own password flags",
    'redis-cli -h cache -a Rz81Pw ping; mysql -uroot -pMy5qlPw app; sqlcmd -S db -U sa -P Sq1Pw -Q x; docker login -u ci -p Dk3rPw reg',
    ['Rz81Pw', 'My5qlPw', 'Sq1Pw', 'Dk3rPw'],
  ],
  ['Oracle log-on without a service', 'SQL> CONNECT hr/Hr0racle\nsqlplus -s system/Sys7em', ['Hr0racle', 'Sys7em']],
  ['a secret set by a CLI', 'aws configure set aws_secret_access_key Aw5Secret && git config --global http.token Gt7Secret', ['Aw5Secret', 'Gt7Secret']],
  ['every host of a multi-host URL', 'mongodb://u:Mg0pw@rs-a.corp:27017,rs-b.corp:27017/app', ['Mg0pw', 'rs-a', 'rs-b']],
  [
    'e-mail in any script, percent-encoded, to an address literal',
    'from zoë@bücher.example, mailto:ops%40corp.example, to ann@[192.0.2.7]',
    ['zoë', 'ops%40', 'ann@'],
  ],
  [
    'a JWT cut before its signature, and an encrypted JWE',
    'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm5hIn0 and eyJhbGciOiJSU0EtT0FFUCJ9.Zk3aQ1bC.Rt5yU7iO.Pq2wE4rT.Lm8nB6vC',
    ['eyJzdWIiOiJhbm5hIn0', 'Rt5yU7iO', 'Pq2wE4rT', 'Lm8nB6vC'],
  ],
  ['an IPv6 address with its port', 'upstream 2001:db8:85a3:0:0:8a2e:370:7334:8443 reset', ['2001:db8', '7334']],
  ['a PuTTY key file', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAIGf0Rk3x\nPrivate-MAC: 8a9b', ['AAAAIGf0Rk3x']],
  ['a signature parameter with a prefix', 'GET /o?X-Amz-Credential=x&X-Amz-Signature=fe12ab34cd', ['fe12ab34cd']],
  ['a key id paired with its secret', 'creds AKIAZ7QWERTYUIOPLKJH:Qm9yN2Fz/ZGZ3dXBzM2NyZXQ4NzY1NDMyMQ used', ['Qm9yN2Fz', 'ZGZ3dXBz']],
  ['an address after a lower-case host name (Java)', 'ConnectException: Connection refused: db.corp.example/10.20.30.40:5432', ['10.20.30.40']],
  ['every URL of a list', 'brokers SASL_SSL://b-1.msk.corp:9096,SASL_SSL://b-2.msk.corp:9096', ['b-1.msk', 'b-2.msk']],
  ['the host after an Oracle log-on', 'sqlplus app/Ora9pw@//ora-prod.corp:1521/SALES', ['Ora9pw', 'ora-prod']],
  [
    'an address after an upper-case host or a logger name',
    'refused: DBPROD02.corp.local/10.44.0.7:1433; Contoso.Api.Logging 10.44.0.8 GET',
    ['10.44.0.7', '10.44.0.8'],
  ],
  ['a dotted user name', 'Failed password for admin.kowalski from 198.51.100.4', ['kowalski']],
  [
    'secrets set by CLIs, in any case',
    'dotnet user-secrets set SmtpPassword Sm7pw; yarn config set npmAuthToken Yn8tok; npm config set //npm.corp/:_authToken Np9tok',
    ['Sm7pw', 'Yn8tok', 'Np9tok'],
  ],
  ['quoted passwords of clients', 'mysql -uapp -p"My 5ecret" db; impdp app/"Pw@12"@ORCL', ['5ecret', 'Pw@12']],
  ['a passphrase joined by hyphens', 'echo Moss-Lantern-Quarry7-Velvet | docker login --password-stdin', ['Moss-Lantern']],
  [
    'a setting as a name and a value (YAML, JSON)',
    'env:\n- name: STRIPE_SECRET_KEY\n  value: sk9Secret\n[{"name": "SqlPassword", "slotSetting": false, "value": "Az9pw"}]',
    ['sk9Secret', 'Az9pw'],
  ],
  ['PHP configuration', "'password' => 'Php9pw', define('DB_PASSWORD', 'Wp9pw'); $cfg['Servers'][1]['password'] = 'My9pw';", ['Php9pw', 'Wp9pw', 'My9pw']],
  [
    'Windows logon failure fields',
    'Account Name:\t\tkmueller\n Workstation Name:\tKMUELLER-NB\n Security ID: S-1-5-21-1004336348-1177238915-682003330-1001',
    ['kmueller', 'KMUELLER-NB', '1177238915'],
  ],
  ['sshd and sudo name users', 'Invalid user tstark from 192.0.2.1; sudo:   bbanner : TTY=pts/1 ; PWD=/srv ; USER=root', ['tstark', 'bbanner']],
  [
    'hosts a client could not reach',
    'ssh: connect to host jump7.corp.example port 22: timed out; Could not resolve hostname jump8.corp.example',
    ['jump7', 'jump8'],
  ],
  [
    'a PowerShell secure string, SQL passwords, a Dockerfile ENV',
    `$s = ConvertTo-SecureString "Ps9pw" -AsPlainText; CREATE USER app WITH PASSWORD 'Pg9pw'; ALTER USER hr IDENTIFIED BY Or9pw;\nENV API_TOKEN Dk9tok`,
    ['Ps9pw', 'Pg9pw', 'Or9pw', 'Dk9tok'],
  ],
  ['a user in a URL without a password', 'postgresql://kmueller@db9.corp/app', ['kmueller', 'db9.corp']],
  [
    'remote desktop, share and cloud clients',
    'xfreerdp /u:ops /p:Rd9pw /v:x\nsmbclient //fs/share -U ops%Sm9pw\nnet user ops Nu9pw /add\naz login -u a -p Az9pw',
    ['Rd9pw', 'Sm9pw', 'Nu9pw', 'Az9pw'],
  ],
  ["GitHub Actions' mask", 'echo "::add-mask::Gh9secret"', ['Gh9secret']],
  ['an e-mail in another script, a punycode domain', 'mail to क्रिया@उदाहरण.भारत and ops@shop.xn--p1ai', ['क्रिया', 'ops@']],
  ["a person's domain account", "Login failed for user 'CORP\\jdoe'. and ssh anna@build7", ['jdoe', 'anna']],
  [
    'a .pgpass file pasted whole (a password with spaces runs to the line end)',
    '$ cat ~/.pgpass\npg-main.corp.example:5432:*:svc_billing:Rk7!mq2Lx\n*:*:*:replicator:Repl1ca#24\n10.20.0.15:6432:reports:analyst:two words 9z',
    ['pg-main', 'svc_billing', 'Rk7!mq2Lx', 'replicator', 'Repl1ca', '10.20.0.15', 'analyst', 'words 9z'],
  ],
  [
    'a .pgpass line quoted in prose, an escaped colon',
    'psql skipped db-east.corp.example:5433:inventory:inv_rw:Qp4\\:xx9 in ~/.pgpass',
    ['db-east', 'inv_rw', 'Qp4', 'xx9'],
  ],
  [
    'netrc entries, on one line and over several',
    'machine git.corp.example login ci-runner password Nt7rcPw55\nmachine artifacts.corp.example\n  login deployer\n  password Zx9-art-pw',
    ['git.corp', 'ci-runner', 'Nt7rcPw55', 'artifacts.corp', 'deployer', 'Zx9-art-pw'],
  ],
  [
    'a MySQL option file',
    '[client]\nuser = backup_agent\npassword = "My Cnf 5ecret"\nhost = mysql-prim.corp.example',
    ['backup_agent', 'Cnf 5ecret', 'mysql-prim'],
  ],
  [
    'a key after its name and a space, or `api key:`',
    'curl failed with apikey 4b1d0c9e7a and X-API-Key 6f2e8d1c0b9a7e5d; using api key k9Rt27Lm4Qw8 now; api key: Hf83kdLq02Zx',
    ['4b1d0c9e7a', '6f2e8d1c0b9a7e5d', 'k9Rt27Lm4Qw8', 'Hf83kdLq02Zx'],
  ],
  [
    'a token or a password after a space',
    "access token 1f9c7e3b5a2d4c6e8f0a; pw Tr4ilHead!; auth token 'c0ffee42beef99'; token ghp_Zy8Xw7Vu6Ts5Rq4Po3Nm2Lk1Jh0Gf9Ed8",
    ['1f9c7e3b', 'Tr4ilHead', 'c0ffee42beef99', 'ghp_Zy8X'],
  ],
  [
    'quoted local parts, angle brackets, mailto links',
    'bounced: "j.smith"@mail.example.org; "ops team"@corp.example; To: Ana Ruiz <ana.ruiz@corp.example>; <a href="mailto:helpdesk.lead@corp.example?subject=x">',
    ['j.smith', 'ops team', 'ana.ruiz', 'helpdesk.lead'],
  ],
  [
    'key names in other languages and with accents',
    'pasśword=Hx72kq pässwort=Gz8nq Kennwort: Kw91z contraseña=Cl4ve mot_de_passe=Mp5dx motdepasse=Mq6ex mot de passe : Fr9xy Passwort=Pw7fz senha=Sn8gq пароль=Ru3pw',
    ['Hx72kq', 'Gz8nq', 'Kw91z', 'Cl4ve', 'Mp5dx', 'Mq6ex', 'Fr9xy', 'Pw7fz', 'Sn8gq', 'Ru3pw'],
  ],
  ['a key name written with combining accents', 'pa\u0301ssword=Cb3mk DB_KE\u0301NNWORT=Cb4mk', ['Cb3mk', 'Cb4mk']],
  [
    'a password after a line continuation (shell, cmd, PowerShell)',
    "mysql -h db7 -u app \\\n  -pCnt9Pw appdb\ncurl --password \\\n  'Cn10 pw' https://x\nsqlcmd -S db ^\n  -P Cnt11Pw\nredis-cli -h c `\n  -a Cnt12Pw\nPGPASSWORD=\\\n  Cnt13Pw psql",
    ['Cnt9Pw', 'Cn10', 'Cnt11Pw', 'Cnt12Pw', 'Cnt13Pw'],
  ],
  [
    'a YAML block scalar, every line of it (blank lines, CRLF, a list item)',
    'db:\n  password: |\n    Yb9block\n\n    Yb9second\n  token: >-\n    Yt8fold\r\n    Yt8two\r\nenv:\n  - secret_key: |+\n      Ys7first\n      Ys7last\n  - name: next',
    ['Yb9block', 'Yb9second', 'Yt8fold', 'Yt8two', 'Ys7first', 'Ys7last'],
  ],
  ['a user named after "the user"', 'Failed password for the user kpatel2 from 198.51.100.4', ['kpatel2', '198.51.100.4']],
  [
    "a protocol dialog's password (FTP in curl -v, POP3, IMAP)",
    '> USER ftpops\r\n< 331 Please specify the password.\r\n> PASS Ft9 pass word\r\nC: PASS Pop3Pw7\nC: a001 LOGIN mjansen "Im4p pw"',
    ['Ft9', 'pass word', 'Pop3Pw7', 'mjansen', 'Im4p'],
  ],
  [
    'a password piped into a command that reads it from standard input',
    'echo Sd8pipe | sudo -S systemctl restart app; echo \'Dk9pipe!\' | docker login -u ci --password-stdin reg.example; echo "svc:Ch7pipe" | chpasswd',
    ['Sd8pipe', 'Dk9pipe', 'Ch7pipe'],
  ],
  [
    "more clients' password arguments (net use, OpenLDAP, archivers, htpasswd)",
    'net use \\\\fs9\\drop /user:CORP\\svc_x Nu7pw\nnet use Z: \\\\fs9\\drop Nu8pw /persistent:yes\nldapmodify -x -D cn=admin -w Ld4pw -f a.ldif\n7z x a.7z -pSz5pw\nunzip -P Uz6pw a.zip\nhtpasswd -cb /etc/.htp admin Ht7pw; htpasswd -nb admin Ht8pw',
    ['Nu7pw', 'Nu8pw', 'Ld4pw', 'Sz5pw', 'Uz6pw', 'Ht7pw', 'Ht8pw'],
  ],
  [
    "SQL's PASSWORD() and SQL Server's positional procedures",
    "SET PASSWORD FOR 'app'@'%' = PASSWORD('My8fn'); EXEC sp_addlogin 'etl', 'Sp9add'; EXEC sp_password 'Old7sp', 'New7sp', 'etl'",
    ['My8fn', 'Sp9add', 'Old7sp', 'New7sp'],
  ],
  [
    "SASL's credentials (SMTP AUTH PLAIN, the AUTH LOGIN dialog, IMAP AUTHENTICATE)",
    'C: AUTH PLAIN AHNtdHAAU210cDlwdw==\r\nC: AUTH LOGIN\r\nS: 334 VXNlcm5hbWU6\r\nC: c210cG9wcw==\r\nS: 334 UGFzc3dvcmQ6\r\nC: U210cDhwdw==\r\na2 AUTHENTICATE PLAIN AGltYXAASW1hcDdwdw==',
    ['AHNtdHAAU210cDlwdw', 'c210cG9wcw', 'U210cDhwdw', 'AGltYXAASW1hcDdwdw'],
  ],
  ['a password told in prose', 'my password is Wn24ter! and the old password was: P@ss7old', ['Wn24ter', 'P@ss7old', 'ss7old']],
  [
    "an AWS ARN's account and the person in it (an IAM user, an assumed role's session)",
    'User: arn:aws:sts::210987654321:assumed-role/Deploy/mkowalski is not authorized to perform: s3:PutObject on resource: arn:aws:iam::210987654321:user/ops/tnguyen',
    ['210987654321', 'mkowalski', 'tnguyen'],
  ],
  ['a user at an address', 'ssh -p 2222 lfischer@203.0.113.40: Connection closed', ['lfischer', '203.0.113.40']],
  [
    "the user and server a client logs on as, by the client's flags",
    'psql -h pgprod3.corp.example -U rbianchi -d billing\nmysql -hmy7 -uakumar -p\nsqlcmd -S tcp:sqlhr02,1433 -U dpatel -Q "select 1"\nmongosh --host mg-east1 --username=ohara\nuseradd -m -p $6$rounds$Hx9Crypted bwong',
    ['pgprod3', 'rbianchi', 'akumar', 'sqlhr02', 'dpatel', 'mg-east1', 'ohara', 'Hx9Crypted'],
  ],
  [
    'a user name by a flag that always takes one, a run-as password, a Vault token',
    'svn up --username hsato; Get-Credential -UserName "ebrown"; mvn -Dusername=rlee; schtasks /create /tn t /ru svc /rp Sc4rp; vault login Vt5positional; VAULT_ADDR=x hvs.CAESIAbCdEfGhIjKlMnOpQrStUv',
    ['hsato', 'ebrown', 'rlee', 'Sc4rp', 'Vt5positional', 'CAESIAbCdEf'],
  ],
  [
    "who logged in, in sshd's, su's, systemd-logind's and a web server's access log lines",
    'sshd[71]: Accepted publickey for vpetrov from 198.51.100.8 port 5022 ssh2\nsu[9]: FAILED SU (to root) ahassan on pts/2\nNew session 7 of user cmoreau.\n203.0.113.9 - bkaur [10/Oct/2025:13:55:36 +0000] "GET /admin HTTP/1.1" 401 12',
    ['vpetrov', 'ahassan', 'cmoreau', 'bkaur'],
  ],
  [
    "helm's and oras' login passwords, sudo's --stdin, 'Password for user x:'",
    'helm registry login reg.example -u ci -p Hl3pw; oras login reg.example -u ci -p Or4pw; echo Su5pw | sudo --stdin ls; Password for user ktanaka:',
    ['Hl3pw', 'Or4pw', 'Su5pw', 'ktanaka'],
  ],
  [
    "the server in SQL Server's message header",
    'Msg 4060, Level 11, State 1, Server HRSQL07\\PAYROLL, Line 1 and Msg 102, Level 15, State 1, Server DWSQL3, Line 8',
    ['HRSQL07', 'DWSQL3'],
  ],
  ['a server in a connection string or a log field', 'Server=db01;Database=app; Server: sqlprod7.corp.example', ['db01', 'sqlprod7']],
]

/** Text a gap or an article needs: it must survive redaction as it is. */
const KEPT: Array<[class_: string, input: string, kept: string]> = [
  ['MySQL access denied keeps yes/no', "Access denied for user 'app'@'localhost' (using password: YES)", '(using password: YES)'],
  ['scheme words in a message', 'NTLM authentication failed; Token validation failed', 'NTLM authentication failed; Token validation failed'],
  ['a signal is not a signature', 'sig: 11 (SIGSEGV)', 'sig: 11 (SIGSEGV)'],
  [
    'Windows folders are not DOMAIN\\user',
    'C:\\WINDOWS\\system32\\svchost.exe and MSSQL15.MSSQLSERVER\\MSSQL\\DATA',
    'C:\\WINDOWS\\system32\\svchost.exe and MSSQL15.MSSQLSERVER\\MSSQL\\DATA',
  ],
  ['symbolic error names', 'net::ERR_HTTP2_PROTOCOL_ERROR', 'ERR_HTTP2_PROTOCOL_ERROR'],
  ['server software header', 'Server: Microsoft-IIS/10.0', 'Microsoft-IIS/10.0'],
  ['words wholly in Cyrillic or Greek', 'Ошибка входа: неверный пароль. Σφάλμα σύνδεσης', 'Ошибка входа: неверный пароль. Σφάλμα σύνδεσης'],
  [
    'the fixed user names registries take with a token, variables and well-known accounts',
    'docker login -u gitlab-ci-token -p x reg; docker login -u AWS --password-stdin; docker login -u "$CI_REGISTRY_USER"; psql -U postgres -h localhost',
    'docker login -u gitlab-ci-token -p <secret> reg; docker login -u AWS --password-stdin; docker login -u "$CI_REGISTRY_USER"; psql -U postgres -h localhost',
  ],
  ["a SQL Server instance's name", 'Msg 4060, Level 11, State 1, Server HRSQL07\\PAYROLL, Line 1', '<host>\\PAYROLL, Line 1'],
  [
    'a flag --user that takes no name',
    'pip install --user requests; vault login -method=userpass',
    'pip install --user requests; vault login -method=userpass',
  ],
  [
    "words after 'of user', '(to …)' and 'Accepted … for' that name no one",
    'the number of user sessions; mapped (to disk) sda on boot; Accepted connection for 10 seconds; 192.0.2.1 - - [10/Oct/2025:13:55:36 +0000]',
    'the number of user sessions; mapped (to disk) sda on boot; Accepted connection for 10 seconds; <ip> - - [10/Oct/2025:13:55:36 +0000]',
  ],
  ["MySQL's -S is a socket, not a server", 'mysql -S /var/run/mysqld/mysqld.sock -u root', 'mysql -S /var/run/mysqld/mysqld.sock -u root'],
  [
    "an ARN's service, role and resource kind",
    'not authorized to perform: sts:AssumeRole on arn:aws:iam::',
    'not authorized to perform: sts:AssumeRole on arn:aws:iam::',
  ],
  ['a SASL mechanism is how, not who', 'AUTH LOGIN then 250-AUTH PLAIN LOGIN CRAM-MD5', 'AUTH LOGIN then 250-AUTH PLAIN LOGIN CRAM-MD5'],
  [
    "SQL Server's CREATE LOGIN is no IMAP dialog",
    'CREATE LOGIN app_reader WITH DEFAULT_DATABASE = sales',
    'CREATE LOGIN app_reader WITH DEFAULT_DATABASE = sales',
  ],
  ['a registry after --password-stdin is no password', 'echo $CR_PAT | docker login ghcr.io -u ci --password-stdin ghcr.io', '--password-stdin ghcr.io'],
  [
    'what happened to a password, told in prose',
    'the password is incorrect; my password is 8 characters; password was changed.',
    'the password is incorrect; my password is 8 characters; password was changed.',
  ],
  ["a piped command's own -S flag", 'echo data | sort -S 50% | head', 'echo data | sort -S 50%'],
  ["a test runner's result line is no FTP password", 'PASS  src/billing/invoice.test.ts (5.21 s)', 'PASS  src/billing/invoice.test.ts (5.21 s)'],
  ['what a password is asked for', 'Enter password for the database: then sudo: 3 incorrect password attempts', 'Enter password for the database:'],
  ['package versions', 'npm ERR! peer react@18.2.0 from @scope/ui@2.1.0', 'react@18.2.0 from @scope/ui@2.1.0'],
  ['exception names holding a secret word', 'SecurityTokenExpiredException: IDX10223: Lifetime validation failed', 'SecurityTokenExpiredException: IDX10223:'],
  [
    'codes and numbers',
    'HRESULT 0x80070005, Msg 18456, Level 14, ORA-12154, HTTP Error 500.19 on port 1433',
    'HRESULT 0x80070005, Msg 18456, Level 14, ORA-12154, HTTP Error 500.19 on port 1433',
  ],
  ["a message after a secret's name", 'password: required; token: expired', 'password: required; token: expired'],
  ['an HRESULT after an auth scheme', 'Negotiate 0x80090302 from SSPI', 'Negotiate 0x80090302'],
  ['a file name with @2x is no user/password', 'missing docs/setup@2x.png', 'docs/'],
  ['Redis messages about AUTH', 'AUTH failed: ERR AUTH <password> called without any password configured', 'AUTH failed: ERR AUTH <password> called'],
  [
    'well-known accounts',
    `Login failed for user 'sa'. FATAL: password authentication failed for user "postgres"`,
    `user 'sa'. FATAL: password authentication failed for user "postgres"`,
  ],
  [
    'built-in identities',
    "Login failed for user 'NT AUTHORITY\\ANONYMOUS LOGON'. runs as IIS APPPOOL\\DefaultAppPool",
    "'NT AUTHORITY\\ANONYMOUS LOGON'. runs as IIS APPPOOL\\DefaultAppPool",
  ],
  [
    "this machine's own addresses",
    'connect ECONNREFUSED 127.0.0.1:6379; [::1]:8080; Server=(localdb)\\MSSQLLocalDB;',
    'ECONNREFUSED 127.0.0.1:6379; [::1]:8080; Server=(localdb)\\MSSQLLocalDB;',
  ],
  [
    'four-part versions and a public key token',
    "Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed' (Microsoft.Data.SqlClient 5.1.1.0)",
    "Version=13.0.0.0, Culture=neutral, PublicKeyToken=30ad4fe6b2a6aeed' (Microsoft.Data.SqlClient 5.1.1.0)",
  ],
  ['a type name holding a number', 'System.Net.Http.Http2ConnectionException: The HTTP/2 server reset the stream', 'Http2ConnectionException'],
  ['a state after a header name', 'Cookie: not set; Authorization: failed', 'Cookie: not set; Authorization: failed'],
  ['a port published is no password', 'docker run -p 8080:80 web; mysql -h db -p appdb', 'docker run -p 8080:80 web; mysql -h <host> -p appdb'],
  ['git over SSH keeps its account', 'git@github.com: Permission denied (publickey).', 'git@<host>: Permission denied (publickey).'],
  ['a status after an account name', 'The account: is disabled', 'The account: is disabled'],
  [
    "a prompt's next line is no value: a prompt never echoes",
    'Enter password:\nERROR:\nORA-01017: invalid username/password; logon denied',
    'ERROR:\nORA-01017: invalid username/password; logon denied',
  ],
  [
    'port mappings and container names',
    'docker run --name mysql-db -p3306:3306 mysql:8; docker run --name mongo -p 27017:27017 mongo',
    'docker run --name mysql-db -p3306:3306 mysql:8; docker run --name mongo -p 27017:27017 mongo',
  ],
  [
    'keys about a secret, not the secret',
    'git config --global credential.helper manager-core; token_expiry=3600; password_file=/run/secrets/db',
    'credential.helper manager-core; token_expiry=3600; password_file=/run/secrets/db',
  ],
  ['a connect that is no Oracle log-on', 'Unable to connect TCP/IP port 1433', 'Unable to connect TCP/IP port 1433'],
  ['a working folder is no password', 'sudo: root : TTY=pts/0 ; PWD=/srv/app ; USER=root', 'PWD=/srv/app'],
  ['parameters after the hosts of a URL', 'redis://cache9:6379,ssl=true,abortConnect=false', ',ssl=true,abortConnect=false'],
  ["kubectl's dial", 'Unable to connect to the server: dial tcp 10.96.0.1:443: i/o timeout', 'the server: dial tcp'],
  ['a built-in identity in a field', 'User:          NT AUTHORITY\\SYSTEM', 'NT AUTHORITY\\SYSTEM'],
  [
    'type names with an acronym and a number',
    'OAuth2AuthenticationException and SqlServer2019InstanceNotFound',
    'OAuth2AuthenticationException and SqlServer2019InstanceNotFound',
  ],
  ['text in other scripts', 'Ошибка подключения к серверу: превышено время ожидания', 'Ошибка подключения к серверу: превышено время ожидания'],
  ['an ellipsis after a code', 'HTTP Error 500.19… Internal Server Error', '500.19…'],
  [
    "server software in HTTP's Server header",
    'HTTP/1.1 502 Bad Gateway\nServer: nginx\nServer: Apache/2.4.57 (Debian)\nserver: cloudflare\nServer: Kestrel',
    'Server: nginx\nServer: Apache/2.4.57 (Debian)\nserver: cloudflare\nServer: Kestrel',
  ],
  [
    "messages after a key's name",
    'token expired; the api key is invalid; Invalid token 0x80131904 at position 42; token refresh v2.4.57 failed; api key ORA-01017',
    'token expired; the api key is invalid; Invalid token 0x80131904 at position 42; token refresh v2.4.57 failed; api key ORA-01017',
  ],
  [
    'localized messages about a password',
    'Kennwort abgelaufen; contraseña incorrecta; mot de passe oublié',
    'Kennwort abgelaufen; contraseña incorrecta; mot de passe oublié',
  ],
  ['an accented key name is kept as written', 'pasśword=Hx72kq; contraseña: Cl4ve', 'pasśword=<secret>; contraseña: <secret>'],
  [
    'colon-separated log fields are no .pgpass line',
    'main.go:42:13: undefined: x; WARNING:4242:app.db:connect:Connection refused; at node:internal/main/run_main_module:28:49',
    'main.go:42:13: undefined: x; WARNING:4242:app.db:connect:Connection refused; at node:internal/main/run_main_module:28:49',
  ],
  ['a password prompt over continued lines', 'mysql -h db -u root \\\n  -p \\\n  appdb', '-p \\\n  appdb'],
  ['a machine account in prose is no netrc entry', 'The machine account password is out of sync', 'The machine account password is out of sync'],
]

describe('redaction by class of value', () => {
  for (const [name, input, secrets] of SECRETS)
    it(`removes secrets: ${name}`, () => {
      const out = redact(input)
      for (const s of secrets) assert.ok(!out.includes(s), `${JSON.stringify(s)} kept in ${JSON.stringify(out)}`)
    })
  for (const [name, input, kept] of KEPT) it(`keeps what a problem is: ${name}`, () => assert.ok(redact(input).includes(kept), redact(input)))
})

describe('the stored form of a question', () => {
  it('reads runs of blanks after a secret word or a dialog mark once (as written, these took minutes)', () => {
    // `password` then 8,000 blanks took 259 s in the SQL password pattern; 32,000 blanks then PASS, 2.6 s.
    for (const text of ['password' + ' '.repeat(8000), 'PASSWORD(' + '\n'.repeat(8000), ' '.repeat(32000) + 'PASS', ' '.repeat(32000) + '334'])
      assert.equal(redact(text), text)
    assert.equal(redact(`PASSWORD(${' '.repeat(50)}'Rq5x')`), `PASSWORD(${' '.repeat(50)}<secret>)`)
  })
  it('redacts a private key pasted over several lines, as the match route passes lines', () => {
    const lines = [
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIEowIBAAKCAQEAwJ6Xq3kq8s',
      'Yz+/abcdEFGH12/CD+EF',
      '-----END RSA PRIVATE KEY-----',
      'Error: unable to load key',
    ]
    assert.equal(storedQuestion(lines), '<secret>\nError: unable to load key')
  })

  it('redacts a key whose end line was cut off', () => {
    assert.ok(!storedQuestion(['-----BEGIN OPENSSH PRIVATE KEY-----', 'b3BlbnNzaC1rZXktdjEAAAAA']).includes('b3BlbnNzaC1'))
  })

  it('redacts before it bounds: a secret that crosses the stored size is never half-kept', () => {
    for (const secret of ['AKIAIOSFODNN7EXAMPLE', 'Bearer abcdefghijklmnopqrstuvwxyz0123456789', 'password: hunter2hunter2']) {
      for (let pad = 1985; pad <= 2005; pad += 5) {
        const stored = storedQuestion([`${'x '.repeat(pad / 2)}${secret} tail`])
        assert.ok(stored.length <= 2000)
        assert.ok(!/AKIAIO|abcdefgh|hunter2/.test(stored), `${secret} at ${pad}: ${stored.slice(-60)}`)
      }
    }
  })

  it('keeps only the codes its redacted text still shows, read as the matcher reads them', () => {
    /** The codes the matcher reads in a paste, and the codes stored for its error-like lines. */
    const stored = (paste: string) => {
      const read = readPaste(paste)
      const q = redactedQuestion(
        read.lines.filter((l) => l.errorLike > 0).map((l) => l.raw),
        paste,
      )
      return { read: read.codes, kept: codesShown(read.codes, q), text: q.stored }
    }
    const login = stored('Login failed. Error 0x80070005\nPassword=Welcome_Admin1;')
    assert.ok(login.read.includes('welcome_admin1'))
    assert.deepEqual(login.kept, ['0x80070005', 'win32 5', 'error_access_denied'])
    // Another spelling of a code shown is shown; none of a code read out of a secret.
    assert.deepEqual(codesShown(['http 403', '0x80070005', 'win32 5', 'error_access_denied'], { redacted: 'got 403 forbidden, error 0x80070005' }), [
      'http 403',
      '0x80070005',
      'win32 5',
      'error_access_denied',
    ])
    assert.deepEqual(codesShown(['0x80070005', 'win32 5'], { redacted: 'password=<secret>' }), [])
    // A setting whose name and value are on two lines is a secret of the whole paste: out of the codes and the text.
    const xml = stored(`System.Data.SqlClient.SqlException (0x80131904): Login failed for user 'app'.\n<add key="DbPassword"\n     value="Prod_Secret_2024" />`)
    assert.ok(xml.read.includes('prod_secret_2024'))
    assert.deepEqual(xml.kept, ['0x80131904', 'sqlexception'])
    assert.ok(!/prod_secret/i.test(xml.text), xml.text)
    // ... however many lines come first: the windows around 60 lines of one log are one, not 60
    // (each searched again, they spent the bound on redaction before the setting's name was reached).
    const log = Array.from(
      { length: 60 },
      (_, i) => `2026-11-30 10:00:${String(i).padStart(2, '0')} ERROR Ledger post ${i} failed, batch ${1000 + i}: 0x8007000e`,
    )
    const deep = stored([...log, '<add key="DbPassword"', '     value="Prod_Secret_2024" /> Login failed'].join('\n'))
    assert.ok(deep.read.includes('prod_secret_2024'))
    assert.ok(!deep.kept.includes('prod_secret_2024'), JSON.stringify(deep.kept))
    // The same with the setting's name in full-width letters: read as redaction reads it, folded.
    const wide = redactedQuestion(
      ['value="Zx81pass" /> rejected', 'Login failed'],
      '<add key="ＤｂＰａｓｓｗｏｒｄ"\n     value="Zx81pass" /> rejected\nLogin failed',
    )
    assert.ok(!wide.stored.includes('Zx81pass'), wide.stored)
    // Codes the matcher read from W3C fields spelled out are kept: 500 19 13 is HTTP 500.19, Win32 13.
    const w3c = stored(
      '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) cs(Referer) sc-status sc-substatus sc-win32-status time-taken\n' +
        '2026-11-30 10:00:00 10.0.0.5 GET /app/default.aspx - 443 - 10.0.0.9 Mozilla/5.0 - 500 19 13 31',
    )
    assert.deepEqual(w3c.kept, w3c.read)
    assert.ok(w3c.kept.includes('http 500.19'), JSON.stringify(w3c.kept))
    // A paste naming thousands of codes stores the first STORED_CODES.
    const many = Array.from({ length: 400 }, (_, i) => `error 0x8007${(i + 4096).toString(16)}`).join('\n')
    assert.equal(stored(many).kept.length, STORED_CODES)
  })

  it("cuts a long line where a word ends: a token at the matcher's line limit is not half-kept", () => {
    const paste = `ERROR request failed ${'x'.repeat(1960)} token ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`
    const read = readPaste(paste)
    const q = redactedQuestion(
      read.lines.map((l) => l.raw),
      paste,
    )
    assert.ok(!/ghp_|abcdefgh/i.test(q.stored + JSON.stringify(codesShown(read.codes, q))), q.stored.slice(-60))
  })
})

describe('nothing a user sent is stored or logged in clear', () => {
  let app: FastifyInstance
  let store: EventStore
  const logged: string[] = []
  before(async () => {
    store = new EventStore({ dataDir: 'memory://', replica: 'privacy', retentionDays: 90, flushMs: 10, capacity: 50 })
    await store.ready
    const stream = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged.push(chunk.toString())
        done()
      },
    })
    app = await createApp({ kb: await kbFrom(), bodyLimit: 64 * 1024, events: store }, { logger: { level: 'info', stream } })
  })
  after(async () => {
    await app?.close()
    await store?.close()
  })
  const rows = async <T>(sql: string, params: unknown[] = []) => (await store.database()!.query<T>(sql, params)).rows

  it('stores the codes of a paste without the ones read out of a secret, and logs the unmatched paste redacted', async () => {
    const paste = 'FATAL zq-sync: replication slot lost\nDB_PASSWORD=Qx7_Secret9 user=svc_sync host=10.9.8.7'
    const m = await request(app.server).post('/api/match').send({ text: paste }).expect(200)
    await store.flush()
    const [q] = await rows<{ text: string; codes: string[] }>('SELECT text, codes FROM kb_queries WHERE id = $1', [questionRowOf(m.body.queryId)])
    assert.ok(q)
    const stored = JSON.stringify(q)
    assert.ok(!/qx7_secret9|svc_sync|10\.9\.8\.7/i.test(stored), stored)
    assert.equal(m.body.noConfidentMatch, true)
    const line = logged.find((l) => l.includes('no confident match'))
    assert.ok(line, 'the unmatched paste is logged')
    assert.ok(!/qx7_secret9|svc_sync|10\.9\.8\.7/i.test(line), line)
  })

  it('redacts feedback comments and ticket references', async () => {
    const s = await request(app.server).get('/api/search').query({ q: 'connections refused' }).expect(200)
    const comment = 'did not help, my login is jdoe@example.org pw Hunter2! on 10.1.2.3'
    await request(app.server).post('/api/feedback').send({ queryId: s.body.queryId, articleId: IIS6, verdict: 'not-related', comment }).expect(202)
    await request(app.server).post(`/api/articles/${IIS6}/uses`).send({ ticket: 'INC-4411 from anna.berg@example.org' }).expect(202)
    await store.flush()
    const [f] = await rows<{ comment: string }>('SELECT comment FROM kb_feedback WHERE query_id = $1', [s.body.queryId])
    assert.match(f!.comment, /^did not help, my login is <email> .* on <ip>$/)
    const [u] = await rows<{ ticket: string }>('SELECT ticket FROM kb_uses')
    assert.equal(u?.ticket, 'INC-4411 from <email>')
  })

  it('answers recorded: false for an event the full buffer dropped', async () => {
    const s = await request(app.server).get('/api/search').query({ q: 'nonpaged pool' }).expect(200)
    // The buffer holds 50 events until the next write (every 10 ms): sent at once, some are dropped.
    const body = { queryId: s.body.queryId, articleId: IIS6, position: 1 }
    const answers = await Promise.all(Array.from({ length: 200 }, () => app.inject({ method: 'POST', url: '/api/events/open', payload: body })))
    const recorded = answers.map((a) => a.json<{ recorded: boolean }>().recorded)
    assert.ok(recorded.includes(false), 'some were dropped')
    await store.flush()
    const [n] = await rows<{ n: number }>('SELECT count(*)::int AS n FROM kb_opens WHERE query_id = $1', [s.body.queryId])
    assert.equal(n?.n, recorded.filter(Boolean).length, 'every open answered recorded: true was written, and no other')
  })
})
