global using System.Net;
global using TalentHub.IntegrationTests.Support;
