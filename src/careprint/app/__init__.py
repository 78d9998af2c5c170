"""The use cases: build leaflets, make and email handouts, check, translate, batch. Plain
functions over a Workspace returning results; the command line and the web app call these."""
