ArchiveBench.main()
