from samrev.cli.app import main

main()
