using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace TalentHub.Web.Services.Notifications;

/// <summary>
/// Text messages through an HTTP SMS gateway when TalentHub:Notifications:Sms:Url is set: one JSON POST
/// <c>{ "to": mobile, "text": text, "sign": sign, "clientId": id }</c> with the API key as a bearer token; a non-2xx answer
/// fails the send (the outbox retries it). <see cref="OutgoingNotification.ClientId"/> is the gateway's client message id,
/// so a gateway that drops repeated ids sends a retried message once. People without a mobile are skipped.
/// </summary>
public sealed class SmsNotificationSender(SmsOptions options, IHttpClientFactory clients, ILogger<SmsNotificationSender> log) : INotificationSender
{
    public const string HttpClientName = "sms";
    public string Channel => "sms";

    /// <inheritdoc/>
    public async Task SendAsync(OutgoingNotification message, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(message.To.Mobile))
        {
            log.LogDebug("{Recipient} has no mobile; skipped", message.To.LogName);
            return;
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url)
        {
            Content = JsonContent.Create(new { to = message.To.Mobile, text = message.Text, sign = options.Sign, clientId = message.ClientId }),
        };
        if (!string.IsNullOrEmpty(options.ApiKey)) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var response = await clients.CreateClient(HttpClientName).SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}

/// <summary>The HTTP SMS gateway's settings (section <see cref="Section"/>).</summary>
public sealed class SmsOptions
{
    public const string Section = "TalentHub:Notifications:Sms";
    /// <summary>The gateway's send endpoint (https://…); empty = no SMS sender.</summary>
    public string Url { get; set; } = "";
    public string? ApiKey { get; set; }
    /// <summary>The registered SMS signature (短信签名), e.g. 湖州乡村人才.</summary>
    public string Sign { get; set; } = "乡村人才服务平台";
}

/// <summary>
/// The outside channels available for password help (issue 10 item 7): an SMS sender for farmers' reset codes and an
/// e-mail sender for staff reset links; either is null when not configured, and the pages then send people to staff.
/// </summary>
public sealed record PasswordHelpChannels(INotificationSender? Sms, INotificationSender? Email);
