using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace BootcImageBuilder.IntegrationTests.EndToEnd.Boot;

/// <summary>
/// A QEMU guest driven through its serial console: log in, run commands between unique markers, read their output.
/// A time limit kills it; any failure (a timeout, a refused login, QEMU exiting) is reported with the console's last
/// 60 lines. Disposing kills it.
/// </summary>
internal sealed partial class VirtualMachine : IAsyncDisposable
{
    private const int TailLines = 60;
    private readonly Process _process;
    private readonly CancellationTokenSource _limit;
    private readonly Task _pump;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private VirtualMachine(Process process, string accelerator, TimeSpan limit)
    {
        _process = process;
        Accelerator = accelerator;
        _limit = new CancellationTokenSource(limit);
        _limit.Token.Register(Kill);
        _pump = Console.PumpAsync(process.StandardOutput.BaseStream);
    }

    public SerialConsole Console { get; } = new();

    /// <summary><c>kvm</c> or <c>tcg</c>.</summary>
    public string Accelerator { get; }

    /// <summary>From QEMU's start to the user's shell prompt.</summary>
    public TimeSpan LoginTime { get; private set; }

    /// <summary>Starts <paramref name="arguments"/> (a program and its arguments, no shell) under a hard time limit.</summary>
    public static VirtualMachine Start(IReadOnlyList<string> arguments, string accelerator, TimeSpan limit)
    {
        var start = new ProcessStartInfo(arguments[0])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var vm = new VirtualMachine(process, accelerator, limit);
        // QEMU's own complaints go to the console too, so a failure message shows them.
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is not null)
            {
                vm.Console.Append($"[qemu] {line.Data}\n");
            }
        };
        process.BeginErrorReadLine();
        return vm;
    }

    /// <summary>Boots <paramref name="disk"/> (a file and its QEMU block format) from <paramref name="entry"/>.</summary>
    public static Task<VirtualMachine> BootAsync(GuestMachine machine, string disk, string format, BootEntry entry, TimeSpan limit) =>
        BootKernelAsync(machine, entry.Kernel, entry.Initrd, entry.Options, (disk, format), limit);

    /// <summary>
    /// Boots <paramref name="kernel"/> and <paramref name="initrd"/> with the kernel command line <paramref name="options"/>
    /// (the serial console added), with <paramref name="disk"/> attached when there is one.
    /// </summary>
    public static async Task<VirtualMachine> BootKernelAsync(
        GuestMachine machine, string kernel, string initrd, string options, (string Path, string Format)? disk, TimeSpan limit)
    {
        var accelerator = machine.MayUseKvm ? await QemuAccelerator.ChooseAsync(kernel) : "tcg";
        var console = $"console={machine.Console}";
        var withConsole = options.Split(' ').Contains(console) ? options : $"{options} {console}";
        return Start(QemuArguments.For(machine, accelerator, kernel, initrd, withConsole, disk), accelerator, limit);
    }

    /// <summary>Logs in at the serial getty and waits for the shell prompt.</summary>
    public async Task LoginAsync(string user, string password)
    {
        await ExpectAsync(LoginPrompt(), $"a login prompt ({Accelerator})");
        await SendAsync(user);
        await ExpectAsync(PasswordPrompt(), "the password prompt");
        await SendAsync(password);
        var answer = await ExpectAsync(ShellPromptOrRefusal(), "a shell prompt");
        if (answer.Groups["refused"].Success)
        {
            Fail($"the login as {user} was refused");
        }

        LoginTime = _clock.Elapsed;
        // A slow console (pseries' hvc0 under TCG) can interleave the echo of a typed line with the command's output;
        // without the echo, what comes between the markers is the command's output alone.
        await RunAsync("stty -echo");
    }

    /// <summary>Runs <paramref name="command"/> in the logged-in shell and returns its output; fails on a non-zero exit.</summary>
    public async Task<string> RunAsync(string command)
    {
        var marker = Guid.NewGuid().ToString("N")[..12];
        // Typed as ':'B…, printed as :B…: the echo of the typed line never matches the output's markers.
        await SendAsync($"echo ':'B{marker}; {command}; echo ':'E{marker}:$?");
        var match = await ExpectAsync(
            new Regex($@":B{marker}\r?\n(?<output>.*?):E{marker}:(?<status>\d+)", RegexOptions.Singleline), $"the end of `{command}`");
        var output = match.Groups["output"].Value.Replace("\r", "", StringComparison.Ordinal);
        if (match.Groups["status"].Value != "0")
        {
            Fail($"`{command}` exited {match.Groups["status"].Value}:\n{output}");
        }

        return output;
    }

    private async Task SendAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    private async Task<Match> ExpectAsync(Regex pattern, string what)
    {
        try
        {
            return await Console.WaitForAsync(pattern, _limit.Token);
        }
        catch (OperationCanceledException)
        {
            Fail($"no {what} within the time limit ({_clock.Elapsed.TotalSeconds:F0} s, {Accelerator}); the VM was killed");
        }
        catch (InvalidOperationException e)
        {
            Fail($"{e.Message} (waiting for {what}, exit {(_process.HasExited ? _process.ExitCode : -1)})");
        }

        throw new UnreachableException();
    }

    private void Fail(string message) =>
        throw new XunitException($"{message}\n--- last {TailLines} console lines ---\n{Console.Tail(TailLines)}");

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync(CancellationToken.None);
        await _pump;
        Console.Dispose();
        _limit.Dispose();
        _process.Dispose();
    }

    [GeneratedRegex(@"login: $")]
    private static partial Regex LoginPrompt();

    [GeneratedRegex(@"Password: $")]
    private static partial Regex PasswordPrompt();

    [GeneratedRegex(@"(?<refused>Login incorrect)|[$#] $")]
    private static partial Regex ShellPromptOrRefusal();
}
