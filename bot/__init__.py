"""The composition root: settings, the Application, the command line and the console chat."""
