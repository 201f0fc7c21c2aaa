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

        // The message itself: the notification text as the plain-text body, the configured subject, to the person.
        var message = Message(session);
        Assert.Equal("报名成功：白茶种植培训班", message.TextBody!.TrimEnd('\r', '\n'));
        Assert.Equal(new SmtpOptions().Subject, message.Subject);
        Assert.Equal("zhang@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("bureau@example.org", Assert.Single(message.From.Mailboxes).Address);
    }

    /// <summary>The MIME message sent between DATA and the closing dot (dot-stuffing undone), parsed by MimeKit.</summary>
    private static MimeKit.MimeMessage Message(string session)
    {
        var lines = session.Split('\n').Select(l => l.TrimEnd('\n', '\r')).ToList();
        var start = lines.IndexOf("DATA") + 1;
        var end = lines.IndexOf(".", start);
        Assert.True(start > 0 && end > start, "no DATA section in the SMTP session");
        var data = string.Join("\r\n", lines.Skip(start).Take(end - start).Select(l => l.StartsWith("..", StringComparison.Ordinal) ? l[1..] : l));
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(data + "\r\n"));
        return MimeKit.MimeMessage.Load(stream);
    }

    [Fact]
    public async Task Send_ToAPersonWithoutAnAddress_SendsNothing()
    {
        using var server = new TinySmtpServer();
        var sender = new SmtpNotificationSender(new SmtpOptions { Host = "127.0.0.1", Port = server.Port }, NullLogger<SmtpNotificationSender>.Instance);

        await sender.SendAsync(new OutgoingNotification("k", new NotificationRecipient(7, "张明", "13800000001", null), "text"), CancellationToken.None);

        // Nothing to wait for: SendAsync has returned, so a connection would already be pending on the listener.
        Assert.False(server.Pending, "the sender connected to the SMTP server");
    }

    /// <summary>Just enough SMTP to accept one message on a loopback port and record the conversation.</summary>
    internal sealed class TinySmtpServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public TinySmtpServer()
        {
            _listener.Start();
            Session = Task.Run(ServeOneAsync);
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        /// <summary>True once a client has connected (accepted or waiting to be).</summary>
        public bool Pending => Session.IsCompleted || _accepted;
        private volatile bool _accepted;
        public Task<string> Session { get; }

        private async Task<string> ServeOneAsync()
        {
            using var client = await _listener.AcceptTcpClientAsync();
            _accepted = true;
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
