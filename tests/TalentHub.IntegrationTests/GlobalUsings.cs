global using System.Net;
global using TalentHub.IntegrationTests.Support;
global using TalentHub.IntegrationTests.Builders;
