using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using TalentHub.Web.Services.Training;
using TalentHub.Web.Services.Notifications;

namespace TalentHub.UnitTests.Services.Notifications;

public sealed class SmtpNotificationSenderTests
{
    [Fact]
    public async Task Send_DeliversTheTextToThePersonsAddress_OverSmtp()
    {
        using var server = new TinySmtpServer();
        var sender = new SmtpNotificationSender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port, From = "bureau@example.org" },
            NullLogger<SmtpNotificationSender>.Instance);

        await sender.SendAsync(new OutgoingNotification("enroll:42", new NotificationRecipient(7, "张明", "13800000001", "zhang@example.org"), "报名成功：白茶种植培训班"), CancellationToken.None);
        var session = await server.Session;

        Assert.Contains("RCPT TO:<zhang@example.org>", session);
        Assert.Contains("MAIL FROM:<bureau@example.org>", session);
        Assert.DoesNotContain("13800000001", session);
        Assert.Contains($"Message-ID: <{new OutgoingNotification("enroll:42", null!, "").ClientId}@example.org>", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Send_ToAPersonWithoutAnAddress_SendsNothing()
    {
        using var server = new TinySmtpServer();
        var sender = new SmtpNotificationSender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port }, NullLogger<SmtpNotificationSender>.Instance);

        await sender.SendAsync(new OutgoingNotification("k", new NotificationRecipient(7, "张明", "13800000001", null), "text"), CancellationToken.None);

        var connected = await Task.WhenAny(server.Session, Task.Delay(500)) == server.Session;
        Assert.False(connected, "the sender connected to the SMTP server");
    }

    /// <summary>Just enough SMTP to accept one message on a loopback port and record the conversation.</summary>
    private sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public TinySmtpServer()
        {
            _listener.Start();
            Session = Task.Run(ServeOneAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
        public Task<string> Session { get; }

        private async Task<string> ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.UTF8);
            await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
            var log = new StringBuilder();
            await writer.WriteLineAsync("220 localhost ready");
            var inData = false;
            while (await reader.ReadLineAsync() is { } line)
            {
                log.AppendLine(line);
                if (inData)
                {
                    if (line == ".") { inData = false; await writer.WriteLineAsync("250 queued"); }
                    continue;
                }
                var verb = line.Split(' ', ':')[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO": await writer.WriteLineAsync("250-localhost"); await writer.WriteLineAsync("250 8BITMIME"); break;
                    case "DATA": inData = true; await writer.WriteLineAsync("354 go ahead"); break;
                    case "QUIT": await writer.WriteLineAsync("221 bye"); return log.ToString();
                    default: await writer.WriteLineAsync("250 ok"); break;
                }
            }
            return log.ToString();
        }

        public void Dispose() => _listener.Stop();
    }
}
