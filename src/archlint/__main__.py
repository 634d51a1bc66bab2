from archlint.cli import main

main(prog_name="archlint")
