using TalentHub.Web.Data;
using TalentHub.Web.Data.Cluster;
using TalentHub.Web.Infrastructure;
using TalentHub.Web.Jobs;
using TalentHub.Web.Services.Reports;
using TalentHub.Web.Services.Training;

// The container's health check runs the app's own binary, since the runtime image has no curl.
if (args.Contains("--healthcheck")) return await HealthProbe.RunAsync();

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
var data = DataDirectory.Resolve(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.Configure<TalentHubOptions>(builder.Configuration.GetSection(TalentHubOptions.Section));
builder.Services.AddTalentHubData(builder.Configuration, data);
builder.Services.AddTalentHubIdentity();
builder.Services.AddTalentHubLocalization();
builder.Services.AddTalentHubWeb(builder.Configuration, data);
builder.Services.AddTalentHubJobs(builder.Configuration, data);
builder.Services.AddTrainingOutcomes(builder.Configuration);
builder.Services.AddReports();

var app = builder.Build();

// Under a PostgreSQL advisory lock: check the personal-data keys, migrate, seed (one node at a time).
await app.Services.PrepareTalentHubDatabaseAsync();

app.UseTalentHubPipeline();
await app.RunAsync();
return 0;
