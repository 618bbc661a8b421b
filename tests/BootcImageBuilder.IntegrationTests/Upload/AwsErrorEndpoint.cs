using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using BootcImageBuilder.Cli.Tests;

namespace BootcImageBuilder.IntegrationTests.Upload;

/// <summary>
/// An S3 or EC2 endpoint on 127.0.0.1 that refuses as AWS refuses: the error XML of each service (EC2's
/// <c>Response/Errors/Error</c>, S3's <c>Error</c> with <c>x-amz-request-id</c>) with the given status, code and
/// message. With the message <c>echo</c>, the message is the request's own headers, as a careless proxy echoes them;
/// with the code <c>not-xml</c>, a 200 whose body is not XML; with the code <c>NoSuchUpload</c>, S3's calls before
/// the upload succeed (the bucket listed, writable, a multipart upload started) and the first part is refused.
/// </summary>
internal sealed partial class AwsErrorEndpoint : IDisposable
{
    private const string RequestId = "req-0001";
    private const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly HttpListener _listener;
    private readonly string _bucket;
    private readonly int _status;
    private readonly string _code;
    private readonly string _message;

    public AwsErrorEndpoint(string bucket, int status, string code, string message)
    {
        (_bucket, _status, _code, _message) = (bucket, status, code, message);
        (_listener, Uri) = LoopbackHttp.Listen();
        _ = Task.Run(() => LoopbackHttp.ServeAsync(_listener, HandleAsync));
    }

    public Uri Uri { get; }

    /// <summary>The SigV4 signatures of the requests received: what must never be printed.</summary>
    public ConcurrentBag<string> Signatures { get; } = [];

    public void Dispose() => _listener.Close();

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            await AnswerAsync(context);
        }
        catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException)
        {
            // The client went away.
        }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        await request.InputStream.CopyToAsync(Stream.Null);
        if (Signature().Match(request.Headers["Authorization"] ?? "") is { Success: true } signature)
        {
            Signatures.Add(signature.Groups[1].Value);
        }

        var message = _message == "echo"
            ? string.Join("; ", request.Headers.AllKeys.Select(k => $"{k}: {request.Headers[k]}")) + $"; {request.RawUrl}"
            : _message;
        var isEc2 = request.HttpMethod == "POST" && request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.Ordinal) == true;
        var query = request.Url!.Query;
        var (status, body) = (isEc2, _code, request.HttpMethod) switch
        {
            (true, _, _) => (_status, $"<Response><Errors><Error><Code>{_code}</Code><Message>{Xml(message)}</Message></Error></Errors><RequestID>{RequestId}</RequestID></Response>"),
            (false, "not-xml", _) => (200, "this is not what S3 answers <<"),
            (false, "NoSuchUpload", "GET") when query.Contains("acl", StringComparison.Ordinal) => (200,
                $"<AccessControlPolicy xmlns=\"{S3Namespace}\"><Owner><ID>owner</ID></Owner><AccessControlList><Grant>"
                + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\"><ID>owner</ID></Grantee>"
                + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList></AccessControlPolicy>"),
            (false, "NoSuchUpload", "GET") => (200,
                $"<ListAllMyBucketsResult xmlns=\"{S3Namespace}\"><Owner><ID>owner</ID></Owner><Buckets><Bucket><Name>{_bucket}</Name>"
                + "<CreationDate>2025-01-01T00:00:00.000Z</CreationDate></Bucket></Buckets></ListAllMyBucketsResult>"),
            (false, "NoSuchUpload", "POST") when query.Contains("uploads", StringComparison.Ordinal) => (200,
                $"<InitiateMultipartUploadResult xmlns=\"{S3Namespace}\"><Bucket>{_bucket}</Bucket><Key>k</Key><UploadId>upload-1</UploadId></InitiateMultipartUploadResult>"),
            (false, "NoSuchUpload", "DELETE") => (204, ""),
            _ => (_status, $"<Error><Code>{_code}</Code><Message>{Xml(message)}</Message><RequestId>{RequestId}</RequestId><HostId>host-1</HostId></Error>"),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = isEc2 ? "text/xml;charset=UTF-8" : "application/xml";
        context.Response.Headers["x-amz-request-id"] = RequestId;
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
        context.Response.Close();
    }

    private static string Xml(string text) => SecurityElement.Escape(text);

    [GeneratedRegex("Signature=([0-9a-f]+)")]
    private static partial Regex Signature();
}
