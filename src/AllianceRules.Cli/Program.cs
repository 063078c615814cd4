using AllianceRules.Cli;

return AllianceProgram.Run(args, Console.Out, Console.Error);
