namespace TalentHub.Web.Infrastructure;

/// <summary>The "TalentHub" configuration section (environment: TalentHub__Name).</summary>
public sealed class TalentHubOptions
{
    public const string Section = "TalentHub";

    /// <summary>Everything the app writes lives here; relative paths are under the content root.</summary>
    public string DataDirectory { get; set; } = "data";
    public bool SeedDemoData { get; set; }
    public AdminBootstrap Admin { get; set; } = new();
    /// <summary>
    /// Per client address ceiling on login posts (password, code, recovery code) per minute. Generous, since a
    /// classroom shares one address; guessing one account is slowed per account (LoginThrottle).
    /// </summary>
    public int LoginAttemptsPerMinute { get; set; } = 200;
    /// <summary>Per client address ceiling on sign-up posts per hour (a village class signs up together).</summary>
    public int SignUpsPerHour { get; set; } = 60;
    /// <summary>Per client address ceiling on password-help posts (SMS code or e-mail link) per hour; each account also waits a minute between requests.</summary>
    public int PasswordHelpPerHour { get; set; } = 30;
    /// <summary>Requests one API token may make per minute before it gets 429 with Retry-After (issue 14).</summary>
    public int ApiRequestsPerMinute { get; set; } = 600;
    /// <summary>
    /// The address users reach the app at (e.g. https://talenthub.example.gov.cn), for links sent outside the app (the
    /// staff password-reset e-mail). Never taken from the request's Host header, which the requester controls; without
    /// it no reset link is mailed.
    /// </summary>
    public string? PublicUrl { get; set; }
    /// <summary>How many password hashes run at once, and how long others wait (<see cref="Security.PasswordWorkGate"/>).</summary>
    public Security.PasswordWorkOptions PasswordWork { get; set; } = new();
    public BackupOptions Backup { get; set; } = new();
    public PersonalDataOptions PersonalData { get; set; } = new();
    public ReportsOptions Reports { get; set; } = new();

    /// <summary>The dashboard map: the name the vendored city GeoJSON script registers, and that script under wwwroot.</summary>
    public sealed class ReportsOptions
    {
        public string MapName { get; set; } = "湖州";
        public string MapScript { get; set; } = "/lib/echarts-china-cities/浙江/湖州市.js";
    }

    /// <summary>
    /// The first admin account, created on start-up when demo seeding is off and both values are set
    /// (<c>TalentHub__Admin__UserName</c> / <c>TalentHub__Admin__Password</c>).
    /// </summary>
    public sealed class AdminBootstrap
    {
        public string? UserName { get; set; }
        public string? Password { get; set; }
    }

    /// <summary>The nightly database backup: how many files to keep, when (Quartz cron, seconds first, Asia/Shanghai), and its health check.</summary>
    public sealed class BackupOptions
    {
        public int Keep { get; set; } = 7;
        public string Cron { get; set; } = "0 30 2 * * ?";
        /// <summary>
        /// On PostgreSQL: a file the operator's pg_dump script writes or touches after each successful dump
        /// (README "Backups"); its age is checked by the "backup" health check and the DatabaseBackup job.
        /// </summary>
        public string? Marker { get; set; }
        /// <summary>Hours after which the last backup counts as missing (26: a nightly dump with two hours' slack).</summary>
        public double MaxAgeHours { get; set; } = 26;
    }

    /// <summary>Base64 keys (32 bytes each). When absent they are generated once into the data directory.</summary>
    public sealed class PersonalDataOptions
    {
        /// <summary>Encryption key version 1.</summary>
        public string? EncryptionKey { get; set; }
        public string? HashKey { get; set; }
        /// <summary>Further encryption key versions by number (<c>EncryptionKeys:2</c>, …) added by a rotation.</summary>
        public Dictionary<string, string> EncryptionKeys { get; set; } = [];
        /// <summary>The version new values use; the highest configured when unset (README "Rotating personal-data keys").</summary>
        public int? CurrentVersion { get; set; }
    }
}
