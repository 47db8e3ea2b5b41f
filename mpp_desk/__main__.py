from mpp_desk.cli import main

raise SystemExit(main())
